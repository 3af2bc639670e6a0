import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/links/front-matter.js';
import { readPaste } from '../../src/pipeline.js';

/** Markdown pages with front matter, as job-board mirrors, scrapers and static sites write them. */
describe('front matter', () => {
  it("reads a job board mirror's page title: tags, site name and the company after '@' come off", () => {
    const text = "---\nslug: 1122-remoto-desenvolvedor-at-acme\nlang: pt-br\ntitle: '[Remoto] Desenvolvedor Back-end @ ACME - Vaga de Emprego'\n---\n\n# [Remoto] Desenvolvedor Back-end @ ACME\n\nSomos uma empresa …";
    expect(readFrontMatter(text)?.structured).toEqual({ title: 'Desenvolvedor Back-end', company: 'ACME' });
  });
  it('takes pay, hours, place and arrangement off a record title, and reads its company key', () => {
    const text = '---\ntitle: Lohnbuchhalter:in in Hamburg Nord 42.000 - 50.000, hybrid\ncompany: nordlicht\nlocation: Hamburg\nremote: False\n---\n\nText';
    expect(readFrontMatter(text)?.structured).toEqual({ title: 'Lohnbuchhalter:in', company: 'nordlicht' });
  });
  it('reads a block flattened onto one line', () => {
    const text = '---\n\ntitle: "Referent:in Controlling in Voll- oder Teilzeit (mind. 30 Std./Woche)" company: Elbwerk Holding GmbH location: Hamburg remote: true\n---\n\nText';
    expect(readFrontMatter(text)?.structured).toEqual({ title: 'Referent:in Controlling', company: 'Elbwerk Holding GmbH' });
  });
  it("drops a record title's how and where parts after pipes", () => {
    const text = '---\ntitle: Billing Operations Specialis | Part-Time | Remote (EU)\ncompany: adbright\n---\n\nText';
    expect(readFrontMatter(text)?.structured.title).toBe('Billing Operations Specialis');
  });
  it("leaves a blog post's question or headline, and front matter that is not about a job", () => {
    expect(readFrontMatter('+++\ntitle = "¿Buscas nuevos desafíos como desarrollador de software?"\ntags = [ "hiring" ]\n+++\n\nTexto')?.structured.title).toBeUndefined();
    expect(readFrontMatter('---\ntitle: "How I became a Senior Engineer"\ntags: [career-advice]\n---\n\nText')).toBeNull();
    expect(readFrontMatter('---\ntitle: "Senior Engineer"\n\nno closing fence')).toBeNull();
  });
  it("reads the role after an ad's opening words", () => {
    const text = '---\ntitle: "À la recherche de développeurs Front"\nslug: "job-developpeur-front-paris"\n---\n\nNous recherchons …';
    expect(readFrontMatter(text)?.structured.title).toBe('développeurs Front');
  });
  it('is what a paste reads', () => {
    const text = "---\ntitle: '[100% Remoto] Full Stack Developer PHP na Round Circle (R$ 18.000,00) - Vaga de Emprego'\n---\n\nVaga para desenvolvedor.";
    expect(readPaste(text)?.structured).toEqual({ title: 'Full Stack Developer PHP', company: 'Round Circle' });
  });
});
