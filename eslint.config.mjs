// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/dist/**", "**/.turbo/**", "packages/contracts/src/generated/**", "coverage/**", ".tmp/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    languageOptions: {
      globals: { process: "readonly", Buffer: "readonly", console: "readonly", TextDecoder: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      // `const { omitted, ...rest } = obj` is how a member is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      "no-control-regex": "off",
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["**/test/**", "bench/**", "scripts/**"],
    rules: { "@typescript-eslint/no-dynamic-delete": "off" },
  },
);
