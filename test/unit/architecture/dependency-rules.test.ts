import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDependencies } from '../../../scripts/architecture/dependency-rules.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-deps-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(tmp, 'tree-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('dependency rules', () => {
  it('when the project tree is checked, then no rule is broken', () => {
    const violations = checkDependencies(REPO);
    expect(violations.map((v) => `${v.rule}: ${v.message}`)).toEqual([]);
  });

  it('when a service, ocr/ or storage/ file imports across a rule, then each violation is reported', () => {
    const root = tree({
      'server/http/route.ts': 'export interface Actor { id: number }\n',
      'server/intake/agency.service.ts': "import type { Actor } from '../http/route.js';\nexport const a = 1;\n",
      'server/intake/intake.routes.ts': "import { defineRoute } from '../http/route.js';\nimport { a } from './agency.service.js';\n",
      'server/intake/agency.repository.ts': 'export interface AgencyRow { id: number }\n',
      'ocr/engine/pool.ts': "import { x } from '../../server/config.js';\n",
      'server/config.ts': 'export const x = 1;\n',
      'storage/s3.ts': "const m = await import('../server/config.js');\n",
      'client/src/api.ts': "import type { AgencyRow } from '../../server/intake/agency.repository.js';\n",
      'server/stacks/layout.service.ts': "import { y } from '../reports/yearly.js';\nexport const z = y;\n",
      'server/reports/yearly.ts': "import { z } from '../stacks/layout.service.js';\nexport const y = 2;\n",
    });
    const found = checkDependencies(root).map((v) => `${v.rule} ${v.from}`).sort();
    expect(found).toEqual([
      'client-imports-repository client/src/api.ts',
      'folder-cycle server/reports/yearly.ts',
      'http-outside-adapters server/intake/agency.service.ts',
      'ocr-storage-import-server ocr/engine/pool.ts',
      'ocr-storage-import-server storage/s3.ts',
    ]);
  });
});
