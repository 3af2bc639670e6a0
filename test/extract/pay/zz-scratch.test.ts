import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { extractPay } from '/work/main/src/extract/pay.js';
it('x', () => { for (const f of ['startup-long.txt','workday.txt','linkedin-about.txt']) { const t = readFileSync('/work/main/fixtures/pay/'+f,'utf8'); console.log('##', f, JSON.stringify(extractPay(t).map(x=>x.band))); } });
