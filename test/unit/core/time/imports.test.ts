import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../../../../server/core/time/', import.meta.url));

describe('the time module stands below everything', () => {
  it('when its sources are read, then they import only each other and packages, nothing else of ours', () => {
    const outside: string[] = [];
    for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(`${DIR}${file}`, 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        if (spec.startsWith('.') && !/^\.\/[\w-]+\.js$/.test(spec)) outside.push(`${file} → ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
