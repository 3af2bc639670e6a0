import { describe, expect, it } from 'vitest';
import { readEmail } from '../../src/links/email.js';
import { readPaste } from '../../src/pipeline.js';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';

/** Raw recruiter e-mails as mailbox exports save them: transport headers, MIME parts, quoted-printable. */
const MAIL = [
  'Return-Path: jdoe@STAFFCO.COM',
  'Received: from mx1.example.net (198.51.100.7)',
  '\tby mail.example.net with SMTP id 0-123; Mon, 25 Jul 2011 14:28:25 -0400 (EDT)',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative;',
  '\tboundary="=_b1"',
  'Subject: Python/Django Developer needed in Austin, TX',
  'From: "Jane Doe" <jdoe@staffco.com>',
  '',
  'This is a multi-part MIME message.',
  '',
  '--=_b1',
  'Content-Type: text/plain; charset=windows-1252',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Dear Candidate:=20',
  'My client in Austin, TX is looking for a Python developer for a long term contr=',
  'act.',
  '',
  '=B7 5+ years of Python',
  '=B7 The candidate=92s own projects',
  '',
  'Staffco - Austin',
  'jdoe@staffco.com',
  '',
  '--=_b1',
  'Content-Type: text/html; charset=windows-1252',
  '',
  '<p>Dear Candidate</p>',
  '--=_b1--',
].join('\n');

describe('raw e-mail', () => {
  it('reads the subject and the first text part, quoted-printable decoded in its charset', () => {
    const read = readEmail(MAIL);
    expect(read?.text.split('\n')[0]).toBe('Python/Django Developer needed in Austin, TX');
    expect(read?.text).toContain('long term contract.');
    expect(read?.text).toContain('· 5+ years of Python');
    expect(read?.text).toContain('candidate’s own projects');
    expect(read?.text).not.toContain('Received');
    expect(read?.text).not.toContain('<p>');
  });
  it('is no e-mail without transport headers, or with prose after the first line', () => {
    expect(readEmail('Subject: Data Engineer\n\nWe are hiring.')).toBeNull();
    expect(readEmail('Title: Data Engineer\nLocation: Remote\n\nWe are hiring.')).toBeNull();
  });
  it("gives the subject's role as the title and the signature that names the sender's domain as the company", () => {
    const read = readPaste(MAIL);
    const p = extractPosting(cleanPosting(read?.text ?? MAIL).text);
    expect(p.title).toBe('Python/Django Developer');
    expect(p.company).toBe('Staffco');
  });
});
