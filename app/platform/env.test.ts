import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("works with nothing set (embedded database, port 3000)", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.appUrl).toBe("http://localhost:3000");
  });

  it("lists every problem in words", () => {
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://nope", SMTP_URL: "mail.example.com" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toContain("PORT:");
      expect(message).toContain("DATABASE_URL: must look like postgresql://");
      expect(message).toContain("SMTP_URL: must start with smtp://");
    }
  });

  it("refuses a malformed DATABASE_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgresql://" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("needs a session secret for a real https deployment", () => {
    expect(() => parseEnv({ NODE_ENV: "production", APP_URL: "https://comeback.example.com" })).toThrow(
      /SESSION_SECRET/,
    );
  });
});
