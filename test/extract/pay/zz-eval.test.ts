import path from 'node:path';
import { it } from 'vitest';
import { readLabels, extractFile, compare } from '../../../scripts/eval.js';
it('eval pay', async () => {
  for (const dir of ['/work/shared/corpus', '/work/main/fixtures/seeds']) {
    let ok = 0, total = 0;
    for (const e of readLabels(dir)) {
      const p = await extractFile(path.join(dir, e.file));
      for (const r of compare(p, e)) if (r.field === 'pay' || r.field === 'locations') {
        if (r.field === 'pay') { total++; if (r.ok) ok++; }
        if (!r.ok) console.log('MISS', e.file, r.field, JSON.stringify(r.got), 'want', JSON.stringify(r.expected));
      }
    }
    console.log('PAY', dir, ok, '/', total);
  }
}, 120000);
