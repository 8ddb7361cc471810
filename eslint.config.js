import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Lint rules worth enforcing by machine. The layering (routes -> modules -> platform) is checked
 * here so a route importing another route, or a module importing a route, fails CI.
 */
const RAW_SQL = [
  {
    selector: "CallExpression[callee.property.name='$queryRawUnsafe']",
    message: "No raw SQL built from strings: use $queryRaw`...` with parameters.",
  },
  {
    selector: "CallExpression[callee.property.name='$executeRawUnsafe']",
    message: "No raw SQL built from strings: use $executeRaw`...` with parameters.",
  },
];

/** Where a route's server code runs: its loader and action. */
const SERVER_CODE =
  ":matches(CallExpression[callee.name=/^define(Loader|Action)$/], ExportNamedDeclaration > FunctionDeclaration[id.name=/^(loader|action)$/])";
const READ_THROUGH_HELPERS =
  "Routes read request input only through the helpers in ~/platform/http.server (parseForm, parseIntent, parseSearchParams, parseFilters, parseParams, parseUpload, queryOf): they validate it and answer 400/404/413/415/422 instead of 500.";

/**
 * Request input in routes: never read directly (a body in the wrong format, a NUL in a query
 * parameter or a broken %-escape in a path would reach the database or throw a 500), only
 * through the parsing helpers (ADR 053).
 */
const ROUTE_INPUT = [
  {
    selector:
      "MemberExpression[object.name='request'][property.name=/^(formData|json|text|arrayBuffer|blob|body|bodyUsed|url|headers)$/]",
    message: READ_THROUGH_HELPERS,
  },
  { selector: `${SERVER_CODE} MemberExpression[object.name='params']`, message: READ_THROUGH_HELPERS },
  {
    selector: `${SERVER_CODE} CallExpression[callee.name!='parseParams'] > Identifier.arguments[name='params']`,
    message: READ_THROUGH_HELPERS,
  },
];

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
      "no-restricted-syntax": ["error", ...RAW_SQL],
    },
  },
  {
    files: ["app/routes/**"],
    rules: {
      "no-restricted-syntax": ["error", ...RAW_SQL, ...ROUTE_INPUT],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@remix-run/node",
              importNames: [
                "unstable_parseMultipartFormData",
                "unstable_composeUploadHandlers",
                "unstable_createMemoryUploadHandler",
                "unstable_createFileUploadHandler",
              ],
              message: READ_THROUGH_HELPERS,
            },
            {
              name: "~/platform/http.server",
              importNames: ["formToObject", "readForm"],
              message: READ_THROUGH_HELPERS,
            },
          ],
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
