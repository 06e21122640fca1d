// `npm run lint` (office-addin-lint) over all of src/: the Office add-in rules and prettier, as the
// tool's own configuration has them, for the pane's .tsx files too (its configuration names only
// .ts and .js files, so ESLint skipped them). TypeScript checks names itself (tsc --noEmit); ESLint's
// no-undef does not know the DOM, Node and Office globals the compiler's lib and types declare.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';

const withTsx = (config) => (config.files ? { ...config, files: [...config.files, '**/*.tsx'] } : config);

export default [
  ...officeAddins.configs.recommended.map(withTsx),
  {
    plugins: { 'office-addins': officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    // Omitting fields by destructuring into a rest (`{ a: _a, ...rest }`) is how a copy leaves them out.
    rules: { 'no-undef': 'off', '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_' }] },
  },
];
