// Placeholder until the mojibake repair lands (issue 2): returns the text unchanged.
export interface Repair {
  before: string;
  after: string;
  /** How it was garbled: the codec the UTF-8 bytes were wrongly read as ("macroman", "sloppy-windows-1252"…). */
  codec: string;
}
export interface RepairResult {
  text: string;
  repairs: Repair[];
}
export function repairMojibake(text: string): RepairResult {
  return { text, repairs: [] };
}
