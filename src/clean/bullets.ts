/**
 * Bullet marks as pages write them, all normalised to '• '. Numbered items become bullets too:
 * the order of qualifications carries no meaning a card uses.
 */
const MARKS = '•·▪▫◦●○■□►▸▹▶➢➣➤➔→⇒✓✔✗✘☐☑✅❖◆◇⦿⦾⁃∙‣⮚⮞*+\\-–—~';

/**
 * Leading bullet mark (with the space after it), a numbered/lettered item ("1.", "2)", "(a)", "iv."),
 * or an emoji. ©, ® and ™ are pictographs to Unicode but start footers ("© 2025 …"), not items.
 */
const BULLET = new RegExp(
  `^(?:[${MARKS}]|\\d{1,2}[.)]|\\(\\d{1,2}\\)|\\(?[a-h]\\)|(?:i{1,3}|iv|v|vi{1,3})[.)]|o(?=\\s+\\p{Lu})|\\d\\uFE0F?\\u20E3|(?![\\u00a9\\u00ae\\u2122])\\p{Extended_Pictographic}(?:\\uFE0F|\\u200D\\p{Extended_Pictographic}|\\p{Emoji_Modifier})*)\\s+`,
  'u',
);

const LEADING_EMOJI = /^(?:(?![\u00a9\u00ae\u2122])\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*\s*)+/u;

export interface BulletParse {
  /** The mark found ('-', '1.', '✅'), or null when the line is not a bullet. */
  mark: string | null;
  text: string;
}

export function parseBullet(line: string): BulletParse {
  const m = BULLET.exec(line);
  if (m === null || m[0].length >= line.length) return { mark: null, text: line };
  return { mark: m[0].trim(), text: line.slice(m[0].length) };
}

/** "🚀 What you'll do" → "What you'll do": emoji used as decoration in front of a heading. */
export function stripLeadingEmoji(line: string): string {
  return line.replace(LEADING_EMOJI, '');
}

export function startsWithEmoji(line: string): boolean {
  return LEADING_EMOJI.test(line);
}
