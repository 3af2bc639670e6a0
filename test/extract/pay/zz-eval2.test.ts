import path from 'node:path';
import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { extractFile } from '../../../scripts/eval.js';
it('pipeline over fixtures/pay', async () => {
  const exp = JSON.parse(readFileSync('/work/main/fixtures/pay/expected.json', 'utf8'));
  for (const e of exp) {
    const p = await extractFile(path.join('/work/main/fixtures/pay', e.file));
    const got = JSON.stringify(p.pay.map((b: any) => [b.location, b.min, b.max, b.currency, b.period]));
    const want = JSON.stringify(e.pay.map((b: any) => [b.location, b.min, b.max, b.currency, b.period]));
    console.log(got === want ? 'OK  ' : 'DIFF', e.file, got === want ? '' : `got ${got} want ${want} locs ${JSON.stringify(p.locations)}`);
  }
}, 120000);
