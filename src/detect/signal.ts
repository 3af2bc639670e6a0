/**
 * What the posting detector looks for, as data. Each signal is a pattern (global), a weight
 * per hit, and a cap on the hits that count; `distinct` counts different wordings only.
 * `core` marks wording that belongs to job postings themselves (an offer of a job to
 * readers), as opposed to words any job talk shares: pay, titles, years.
 */
export interface Signal {
  id: string;
  /** Shown in `jobcard detect` output and in the "not a posting" reply. */
  label: string;
  pattern: RegExp;
  weight: number;
  cap: number;
  distinct?: boolean;
  /** Counts only from this many hits on (one "Education" heading is not a résumé). */
  minHits?: number;
  /** Counts only in texts shorter than this (what chat looks like, long postings also say). */
  maxLength?: number;
  core?: boolean;
}
