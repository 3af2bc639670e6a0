import type { Workplace } from '../posting.js';
import { found, type Found } from './found.js';
import { fieldLineOf, titleBlockOf } from './block.js';
import { linesOf, sectionAt, sectionsOf, sentencesOf, withoutOtherJobs, type Section, type Span } from './text.js';

/**
 * Remote, hybrid or on-site. A labelled field ("Workplace Type: Onsite", "Work Remotely: No")
 * decides first; then phrases, where an explicit hybrid arrangement beats a mention of remote
 * days or office time, and "remote-first" beats a perk-like office mention.
 */

interface Rule {
  /** A cheap test the line must pass before the pattern runs. */
  hint?: RegExp;
  pattern: RegExp;
  value: Workplace | null;
  detail: string;
  /** A match whose text also fits this is not the arrangement ("Monday to Friday in the office" is every day). */
  unless?: RegExp;
  /** Too weak to decide when anything stronger is said. */
  weak?: boolean;
}

// Labelled fields from ATS and job-board headers; a null value means "says nothing" (COVID notes).
const LABELLED: readonly Rule[] = [
  { pattern: /\b(?:workplace type|work(?:place)? arrangement|employment location arrangement|location type|work model|work type|remote status|remote)[^\S\t]*(?:[:：]\s*|\t\s*(?:[:：]\s*)?)(?:fully |100% )?remote\b/i, value: 'remote', detail: 'labelled field' },
  { pattern: /\b(?:workplace type|work(?:place)? arrangement|employment location arrangement|location type|work model|work type|remote status)[^\S\t]*(?:[:：]\s*|\t\s*(?:[:：]\s*)?)hybrid\b/i, value: 'hybrid', detail: 'labelled field' },
  { pattern: /\b(?:workplace type|work(?:place)? arrangement|employment location arrangement|location type|work model|work type|remote status)[^\S\t]*(?:[:：]\s*|\t\s*(?:[:：]\s*)?)(?:on-?site|in[- ]office|in[- ]person|office)\b/i, value: 'onsite', detail: 'labelled field' },
  // Portuguese and Spanish boards: "Local: Remoto", "Modalidade: Híbrido", "Modalidad: Presencial".
  { pattern: /\b(?:local|modalidade|modalidad|regime|tipo de trabajo|ubicaci[oó]n|lugar de trabajo)\s*[:：]\s*(?:100\s?%\s*)?remot[oa]\b/i, value: 'remote', detail: 'labelled field' },
  { pattern: /\b(?:local|modalidade|modalidad|regime|tipo de trabajo|ubicaci[oó]n|lugar de trabajo)\s*[:：]\s*h[íi]brid[oa]\b/i, value: 'hybrid', detail: 'labelled field' },
  { pattern: /\b(?:local|modalidade|modalidad|regime|tipo de trabajo|ubicaci[oó]n|lugar de trabajo)\s*[:：]\s*presencial\b/i, value: 'onsite', detail: 'labelled field' },
  // "Telecommuting Options: Onsite" / "Telecommute: Yes".
  { pattern: /\btelecommut(?:e|ing)(?: options?)?\s*[:：]\s*(?:(?:fully |100% )?remote|yes)\b/i, value: 'remote', detail: 'labelled field' },
  { pattern: /\btelecommut(?:e|ing)(?: options?)?\s*[:：]\s*hybrid\b/i, value: 'hybrid', detail: 'labelled field' },
  { pattern: /\btelecommut(?:e|ing)(?: options?)?\s*[:：]\s*(?:on-?site|in[- ]office|in[- ]person|none|no)\b/i, value: 'onsite', detail: 'labelled field' },
  // schema.org's jobLocationType value, as job boards print it in a badge ("🌎 TELECOMMUTE Mexico City").
  { pattern: /(?:^|[\s`'"(])TELECOMMUTE\b/, value: 'remote', detail: 'job location type', hint: /TELECOMMUTE/ },
  { pattern: /\bwork remotely\s*(?:[:：]\s*)?temporar/i, value: null, detail: 'labelled field' },
  { pattern: /\bwork remotely\s*(?:[:：]\s*)?no\b/i, value: 'onsite', detail: 'labelled field' },
  { pattern: /\bwork remotely\s*(?:[:：]\s*)?yes\b/i, value: 'remote', detail: 'labelled field' },
  { pattern: /\b(?:work )?location\s*[:：]\s*(?:fully |100% )?remote\b/i, value: 'remote', detail: 'labelled field' },
  { pattern: /\b(?:work )?location\s*[:：]\s*(?:in[- ]person|on-?site)\b/i, value: 'onsite', detail: 'labelled field' },
  { pattern: /\b(?:work )?location\s*[:：]\s*hybrid\b/i, value: 'hybrid', detail: 'labelled field' },
  { pattern: /\b[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*,\s*[A-Z][\w .'-]*[\w.'-]\s*\((remote|hybrid|on-?site|onsite|in[- ]office)\)/i, value: null, detail: 'location line', hint: /\((?:remote|hybrid|on-?site|onsite|in[- ]office)\)/i },
];
// Every labelled rule needs one of these in the line; most lines have none, so the rules are skipped.
const LABEL_HINT = /[:：\t(]|remotely|TELECOMMUTE/i;

const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri)(?:day)?s?\b/i;
const DAY_NAME = String.raw`(?:mon|tues|wednes|thurs|fri)days?`;
/** One to four weekdays named with office words around them (a week of five is on-site, not hybrid). */
const WEEKDAY_OFFICE = new RegExp(
  String.raw`\b(?:in|at|from|to) (?:the|our|an?) (?:[\w.-]+ ){0,3}?office(?:s)?\b[^.;]{0,25}?\b(?:on )?(?:every )?${DAY_NAME}(?:\s*(?:,|and|&|\/|or|to|-|–)\s*${DAY_NAME}){0,3}\b`
  + String.raw`|\b${DAY_NAME}(?:\s*(?:,|and|&|\/|or)\s*${DAY_NAME}){0,3}\s+(?:in|at) (?:the |our )?(?:[\w.-]+ ){0,3}?office\b`
  + String.raw`|\b${DAY_NAME}(?:\s*(?:,|and|&|\/|or)\s*${DAY_NAME}){0,3}\s+(?:on-?site|in[- ]person)\b`
  + String.raw`|\b${DAY_NAME}(?:\s*(?:,|and|&|\/|or)\s*${DAY_NAME}){0,3}\s+(?:are|is)\s+(?:\w+\s+){0,2}(?:in[- ]office|office|on-?site|in[- ]person)\s+days?\b`,
  'i',
);

const PHRASES: readonly Rule[] = [
  { pattern: /\b(no remote|not (a )?remote|remote work is not|cannot be (performed|done) remotely|in-office only|on-?site only|office-based role|100% on-?site|fully on-?site|(5|five) days (a|per) week in (the|our) office|(on-?site|in[- ]office|in[- ]person|in the office) (5|five) days (a|per) week|(5|five) days (a|per) week (on-?site|in[- ]office|in[- ]person)|(willing and able|able|required|expected) to work (out of|from|at) (this|the|our) (location|office|site)|performed on-?site|(5|five) days in[- ](person|office)|in[- ]person (role|position|5 days)|must (be able to )?work (on-?site|in[- ]person|from (our|the) office)|work (from|at) (the )?client(['’]s)? (site|office|location)|work on-?site|on-?site (role|position|work)|this (role|position) is (on-?site|in[- ]person|office-based)|work from (the )?office(?!\W{1,3}([1-4]|one|two|three|four)\b)|\bWFO\b|(100%|fully|full[- ]time) in[- ]office|in[- ]office (only|full[- ]time)|(able to )?commute (daily )?to (our|the) ([A-Z][\w.-]*\s){0,3}office)\b/i, value: 'onsite', detail: 'on-site phrase' },
  { pattern: /\bhybrid(?! cloud| app| mobile| vehicle| car| search| ai| model(s)? (of|for) (ml|ai|data)| (multi-?cloud|environments?|infrastructures?|architectures?|solutions?|systems?|deployments?|networks?|integrations?|it\b|approach|methodolog|agile|data))\b|\b([1-4]|one|two|three|four)(\s*(-|to|or)\s*[1-4])?\s+days?\s+(a|per|each)\s+week\s+(in|at|from)\s+(the|our|an?)\s+([\w.-]+\s+){0,3}?(office|hub|studio)|\bin (the|our) office\s+([1-4]|one|two|three|four)(\s*(-|to|or)\s*[1-4])?\s+days|\b([1-4]|one|two|three|four)\s+days?\s+(in|at)\s+((the|our)\s+)?office|\boccasional(ly)? remote\b|\bflexible (working|work) (model|arrangement)\b|\bhybrides? arbeiten\b|\bt[ée]l[ée]travail (partiel|hybride)|\b(\d|deux|trois) jours? de t[ée]l[ée]travail\b|\btage (pro woche )?(im büro|homeoffice)\b|\b(work from home|wfh|work remotely)\s+(up to\s+)?([1-4]|one|two|three|four)\s+days?\b|\b([1-4]|one|two|three|four)\s+days?\s+(a|per)\s+week\s+(from home|remote(ly)?)\b|\b(on-?site|in[- ]office|in[- ]person|work from office)\W{1,3}([1-4]|one|two|three|four)(\s*(-|to|or)\s*[1-4])?\s*days?\s*(\/|a|per|each)\s*(week|wk)\b/i, value: 'hybrid', detail: 'hybrid phrase' },
  // Office days named by weekday: "in the office Tuesday and Thursday", "Mondays and Wednesdays on-site".
  { pattern: WEEKDAY_OFFICE, value: 'hybrid', detail: 'office weekdays', hint: WEEKDAY, unless: /\bmon[\s\S]*\bfri|\bfri[\s\S]*\bmon/i },
  // A home-based role: UK Workday's "Homeworker - UK", "the position is home-based".
  { pattern: /\bhome[- ]?worker\b|\bhome[- ]based (?:role|position|job|work(?:ing)?|setup|employee|contract)\b|\b(?:role|position|job) is (?:fully )?home[- ]based\b/i, value: 'remote', detail: 'home-based', hint: /home/i },
  { pattern: /\b(fully[- ]remote|100% remote|remote[- ]first|all[- ]remote|remote[- ]only|work from anywhere|work (fully )?remotely|primarily telework|full[- ]time telework|remote (role|position|job|opportunity|team|company)|(role|position|job) (is|can be) (performed |done |based )?(fully |100% )?remote(ly)?|this is a remote|roles are remote|remote-friendly|distributed-first|full remote|t[ée]l[ée]travail (complet|total)|100 ?% t[ée]l[ée]travail|vollständig remote|100 ?% homeoffice|remote within|work from home(?!\s+(up to\s+)?([1-4]|one|two|three|four)\s+days?|\s+(days?|stipend|allowance|budget|perks?|equipment|setup|options?|flexibility|fridays?)\b)|open to remote|100 ?% remot[oa]|\[remot[oa]\]|totalmente remot[oa]|trabalho remoto|trabajo remoto|oder remote|remote oder|remote (candidates|applicants) (are )?(welcome|considered|encouraged)|remote or (in[- ]office|on-?site|in (our|the|one of our))|remote,? (US|USA|United States|Canada|UK|Europe|EMEA)|\(remote\)|remote \((US|USA|United States|Canada|UK|Europe|EMEA|[A-Z][a-z]+)\))\b|\(remote\)/i, value: 'remote', detail: 'remote phrase' },
  // Spanish, Portuguese and French prose: "modalidad híbrida", "modelo híbrido", "trabajo presencial" (not "nube híbrida").
  { pattern: /(?<!\b(?:nube|cloud|nuvem|infraestructura|infraestrutura|entorno|ambiente)s?\s)\b(?:h[ií]brid[oa]s?|hybride)(?![\p{L}])/iu, value: 'hybrid', detail: 'hybrid phrase', hint: /h[ií]brid|hybride/i },
  { pattern: /\b(?:(?:trabajo|trabalho|modalidad|modalidade|modelo|puesto|vaga|100\s?%)\s+)presencial\b|\bpresencial(?:mente)? (?:en|em|na|no|nas|nos) (?:la |a |o |as |os |nuestra |nossa |nuestras |nossas )?(?:oficina|escrit[oó]rio|sede)/i, value: 'onsite', detail: 'on-site phrase', hint: /presencial/i },
  { pattern: /\b(in[- ]office|on-?site|in[- ]person)\b/i, value: 'onsite', detail: 'on-site mention', weak: true },
];

// A header segment that is only the arrangement, in the languages the project reads.
const HEADER_ARRANGEMENT = /^(fully remote|remote|hybrid|on-?site|in[- ]office|remot[oa]|h[íi]brid[oa]|presencial)$/;
/** A heading whose value is the next line ("## Local" / "Remoto", "Workplace type" / "Hybrid"). */
const ARRANGEMENT_HEADING = /^(?:#{1,6}\s*)?(?:local|aloca[çc][ãa]o|modalidade|modalidad|workplace type|work arrangement|location type|work model|remote status)\s*:?$/i;
function arrangementOf(word: string): Workplace {
  if (/remote|remot[oa]/.test(word)) return 'remote';
  return /hybrid|h[íi]brid[oa]/.test(word) ? 'hybrid' : 'onsite';
}

/**
 * Sentences about remote work that do not say this role is remote: a possibility ("there may be
 * an opportunity to work remotely"), the company's culture ("an inclusive, remote-first culture").
 */
const NOT_THIS_ROLE = /\b(?:may|might|could) (?:\w+ ){0,4}(?:opportunit(?:y|ies)|option|possibility|flexibility) to work (?:remotely|from home)\b|\b(?:may|might|could) (?:be )?(?:able to )?work remotely (?:on occasion|occasionally|from time to time|at times)\b|\bremote[- ]first culture\b|\b(?:option|ability|freedom|flexibility) to work (?:from home|remotely)\b[^.;]{0,30}\b(?:when needed|as needed|if needed|when required|occasionally|on occasion|from time to time|some days|at times)\b/i;

/**
 * In a benefits or company section, flexibility is a perk, not the role's arrangement ("we
 * support flexible work, including the option to work from home"); fixed days and a named
 * hybrid arrangement ("Hybrid work options") still count.
 */
const PERK_FLEXIBILITY = /\b(?:flexib\w*|options?|when needed|as needed|occasional(?:ly)?|possibilit\w*|opportunit\w*|balance)\b/i;
const FIXED_DAYS = /\b(?:[1-4]|one|two|three|four)\s+days?\b|\b(?:mon|tues|wednes|thurs|fri)days?\b/i;

const WHERE_WORDS = /remote|from home|home[- ]?(?:worker|based)|h[ií]brid|hybride|presencial|this location|wfh|hybrid|office|site|person|days?\b|telework|anywhere|distributed|flexib|t[ée]l[ée]travail|homeoffice|home office|arbeiten|büro|presencial|remot[oa]/i;

/**
 * Yes/no fields whose value sits on the next line or after a colon, as USAJobs and some ATS
 * pages print them: "Remote job / No", "Telework eligible / Yes". Telework on a job that is not
 * remote is a hybrid arrangement.
 */
const YES_NO_FIELDS: ReadonlyArray<readonly [RegExp, Workplace, Workplace | null]> = [
  [/^(?:remote job|remote work|remote eligible|work remotely|remote(?=\s*[:：?]))\s*(?:[:：?]\s*)?(\S.*|)$/i, 'remote', null],
  [/^(?:telework eligible|telework|telecommute|home ?office)\s*(?:[:：?]\s*)?(\S.*|)$/i, 'hybrid', null],
];

const bare = (line: string): string => line.replace(/^[•\-–*▪●◦·]\s*/, '');

function fieldPairs(lines: readonly { text: string }[]): Found<Workplace | null> | null {
  const said: { value: Workplace | null; line: string; rank: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Cleaning may have made a field list into bullets ("• Remote job", "• No").
    const text = bare(lines[i]?.text ?? '');
    if (text.length > 40) continue;
    YES_NO_FIELDS.forEach(([re, yes, no], rank) => {
      const m = re.exec(text);
      if (!m) return;
      const value = (m[1] ?? '').length > 0 ? (m[1] ?? '') : bare(lines[i + 1]?.text ?? '');
      if (/^yes\b/i.test(value)) said.push({ value: yes, line: text, rank });
      else if (/^no\b/i.test(value)) said.push({ value: no, line: text, rank });
    });
  }
  const remote = said.find((x) => x.rank === 0);
  const telework = said.find((x) => x.rank === 1);
  if (remote?.value === 'remote') return found('remote', remote.line, 'yes/no field');
  if (telework?.value === 'hybrid') return found('hybrid', telework.line, 'telework field');
  if (remote && remote.value === null && said.length === 1) return found('onsite', remote.line, 'yes/no field');
  return null;
}

function isPerkFlexibility(s: Span, sections: readonly Section[]): boolean {
  const kind = sectionAt(sections, s.start)?.kind;
  return (kind === 'benefits' || kind === 'about') && PERK_FLEXIBILITY.test(s.text) && !FIXED_DAYS.test(s.text) && !/\bhybrid\b/i.test(s.text);
}

/**
 * The arrangement one field of a Hacker News field line gives: "ONSITE https://…", "Remote (PST ±5)",
 * "SF, Remote ok for senior (US/CAN)", "Onsite or Remote". Null when the field is about something else.
 */
export function arrangementInField(field: string): Workplace | null {
  const f = field.replace(/https?:\/\/\S+/g, ' ').replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  if (f.length === 0 || f.length > 60) return null;
  const exact = HEADER_ARRANGEMENT.exec(f)?.[1];
  if (exact !== undefined) return arrangementOf(exact);
  const remote = /(?:^|[,/;] ?|\bor )(?:fully )?remote\b|\bremote (?:ok|okay|friendly|possible|allowed|available|welcome)\b/.test(f);
  const hybrid = /\bhybrid\b/.test(f);
  const onsite = /\b(?:on-?site|in[- ]office|in[- ]person)\b/.test(f);
  if (hybrid) return 'hybrid';
  if (remote) return 'remote';
  return onsite ? 'onsite' : null;
}

export function extractWorkplace(text: string): Found<Workplace | null> {
  const body = withoutOtherJobs(text);
  for (const line of linesOf(body)) {
    if (!LABEL_HINT.test(line.text)) continue;
    for (const r of LABELLED) {
      if (r.hint !== undefined && !r.hint.test(line.text)) continue;
      const m = r.pattern.exec(line.text);
      if (!m) continue;
      if (r.detail === 'location line') {
        const v = (m[1] ?? '').toLowerCase();
        return found(v === 'remote' || v === 'hybrid' ? v : 'onsite', line.text, r.detail);
      }
      return found(r.value, line.text, r.value === null ? 'labelled field says nothing settled' : r.detail);
    }
  }
  const lines = linesOf(body);
  const pair = fieldPairs(lines);
  if (pair) return pair;
  for (let i = 0; i + 1 < lines.length; i++) {
    const label = lines[i]?.text.trim() ?? '';
    if (label.length > 40 || !ARRANGEMENT_HEADING.test(label)) continue;
    const value = bare(lines[i + 1]?.text.trim() ?? '').toLowerCase();
    const w = HEADER_ARRANGEMENT.exec(value)?.[1];
    if (w !== undefined) return found(arrangementOf(w), `${label} ${lines[i + 1]?.text.trim() ?? ''}`, 'labelled field');
  }
  // Only sentences that speak of where the work happens are worth the phrase rules.
  // "Senior Engineer | Remote | Europe", "Mechanical Engineer II - Hybrid": the title line says it.
  const block = titleBlockOf(body);
  const titleLine = block.lines[block.titleIndex];
  // A header line of its own under the title: "Remote", "Hybrid", "On-site".
  // Or one segment of a header line: "Boston, MA · On-site", "London · Hybrid (2 days in office)".
  for (const l of block.lines.slice(block.titleIndex + 1, block.titleIndex + 6)) {
    if (block.titleIndex < 0 || l.text.length > 100) continue;
    const segs = l.text.split(/\s*[|·•]\s*/).map((x) => x.replace(/\s*\([^)]*\)/g, '').trim().toLowerCase());
    const w = segs.map((x) => HEADER_ARRANGEMENT.exec(x)?.[1]).find((x) => x !== undefined);
    if (w !== undefined) return found(arrangementOf(w), l.text, 'header line');
  }
  // A Hacker News field line: "Acme | Engineer | San Francisco | Onsite | $150k".
  const fieldLine = fieldLineOf(body);
  const fieldWord = fieldLine?.fields.map(arrangementInField).find((x) => x !== null);
  if (fieldLine && fieldWord !== undefined && fieldWord !== null) return found(fieldWord, fieldLine.line.text, 'field line');
  if (titleLine) {
    const seg = titleLine.text.split(/\s*[|·•(),]\s*|\s+[-–—]\s+/).map((s) => s.trim().toLowerCase());
    const hit = seg.find((s) => /^(fully )?remote$|^hybrid$|^on-?site$|^in[- ]office$/.test(s));
    if (hit !== undefined) return found(hit.includes('remote') ? 'remote' : hit === 'hybrid' ? 'hybrid' : 'onsite', titleLine.text, 'title line');
  }
  const sections = sectionsOf(body);
  const sentences = sentencesOf(body).filter((s) => WHERE_WORDS.test(s.text) && !NOT_THIS_ROLE.test(s.text) && !isPerkFlexibility(s, sections));
  // Strong phrases in order; a weak "on-site mention" only when nothing else is said.
  const hits: { value: Workplace; line: string; detail: string; weak: boolean }[] = [];
  for (const r of PHRASES) {
    for (const s of sentences) {
      if (r.value === null || (r.hint !== undefined && !r.hint.test(s.text))) continue;
      const m = r.pattern.exec(s.text);
      if (m === null || (r.unless?.test(m[0]) ?? false)) continue;
      hits.push({ value: r.value, line: s.text, detail: r.detail, weak: r.weak ?? false });
      break;
    }
  }
  const has = (v: Workplace): (typeof hits)[number] | undefined => hits.find((h) => h.value === v && !h.weak);
  const onsite = has('onsite');
  const hybrid = has('hybrid');
  const remote = has('remote');
  const weakOnsite = hits.find((h) => h.weak);
  const pick = hybrid ?? onsite ?? remote ?? weakOnsite;
  // "remote-first" with an occasional office day reads remote; a named hybrid arrangement wins otherwise.
  if (remote && hybrid && /remote[- ]first|fully[- ]remote|100% remote|all[- ]remote/i.test(remote.line) && !/\bhybrid\b/i.test(hybrid.line)) {
    return found('remote', remote.line, remote.detail);
  }
  if (!pick) return found(null, null, null);
  // A bare "on-site" mention (on-site support, on-site interviews) is too weak on its own.
  if (pick.weak && !/\b(work|role|position|job|based|office|employment)\b/i.test(pick.line)) return found(null, null, null);
  // Nor is one named beside remote as a choice ("work personas (flexible, remote, or required in office)").
  if (pick.weak && /\bremote\b/i.test(pick.line)) return found(null, null, null);
  return found(pick.value, pick.line, pick.detail);
}
