import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Lint rules worth enforcing by machine. The layering (routes -> modules -> platform) is checked
 * here so a route importing another route, or a module importing a route, fails CI.
 */
export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", ".cache/**", "data/**", "node_modules/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "no-control-regex": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='$queryRawUnsafe']",
          message: "No raw SQL built from strings: use $queryRaw`...` with parameters.",
        },
        {
          selector: "CallExpression[callee.property.name='$executeRawUnsafe']",
          message: "No raw SQL built from strings: use $executeRaw`...` with parameters.",
        },
      ],
    },
  },
  {
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/routes/*", "./*", "../routes/*"],
              message:
                "A route never imports another route: move shared code to app/modules or app/components.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/modules/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/routes/*", "**/routes/*", "~/components/*"],
              message: "Modules hold rules and queries; they never import routes or React pages.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/platform/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/routes/*", "~/modules/*", "**/modules/*", "~/components/*"],
              message: "Platform is the bottom layer: it never imports modules or routes.",
            },
          ],
        },
      ],
    },
  },
);
