/** `npm run check:deps`: prints every broken dependency rule and exits 1 when there is one. */
import { fileURLToPath } from 'node:url';
import { checkDependencies } from './architecture/dependency-rules.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const violations = checkDependencies(root);
for (const v of violations) console.log(`${v.rule}: ${v.message}`);
console.log(violations.length ? `${violations.length} violation(s)` : 'dependency rules: no violation');
process.exit(violations.length ? 1 : 0);
