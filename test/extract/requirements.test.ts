import { describe, expect, it } from 'vitest';
import { extractDegree, extractMinYears, qualificationLines } from '../../src/extract/requirements.js';
import { extractSkills } from '../../src/extract/skills.js';

const years = (t: string): number | null => extractMinYears(t).value;
const degree = (t: string): string | null => extractDegree(t).value;
const skills = (t: string): string[] => extractSkills(t, null).value;

describe('minimum years', () => {
  it('takes the largest figure among the required qualifications', () => {
    expect(years('Basic Qualifications:\n• At least 8 years of experience with data\n• At least 4 years of Python')).toBe(8);
  });
  it('ignores preferred qualifications', () => {
    expect(years('Basic Qualifications:\n• 4+ years of experience\nPreferred Qualifications:\n• 10+ years of experience')).toBe(4);
  });
  it('reads "3-5 years" as 3', () => {
    expect(years('Requirements\n• 3-5 years of experience in Android development')).toBe(3);
  });
  it('reads words and "or more"', () => {
    expect(years('You have five years of experience in sales.')).toBe(5);
    expect(years('5 or more years of experience in web development')).toBe(5);
  });
  it('ignores a requirement marked as a plus where it is stated', () => {
    expect(years('Requirements\n• 2+ years of Go experience is a plus')).toBeNull();
  });
  it('ignores ages, company history and durations', () => {
    expect(years('Minimum 18 years of age. We have been in business for 25 years. The program lasts 2 years in rotations.')).toBeNull();
  });
  it("reads Indeed's required answers and skips its preferred ones", () => {
    expect(years('Experience: Information Technology: 5 years (Required) Windows Server: 7 years (Preferred)')).toBe(5);
  });
  it('reads "less than 1 year" as no minimum', () => {
    expect(years('Experience Requirement: &lt; 1 year')).toBeNull();
  });
});

describe('degree', () => {
  it("reads \"Bachelor's or equivalent experience\" as bachelor", () => {
    expect(degree("Bachelor's degree in Computer Science or equivalent experience")).toBe('bachelor');
  });
  it('takes the lowest degree that qualifies', () => {
    expect(degree("BS or MS degree in Computer Science")).toBe('bachelor');
    expect(degree("Master's or PhD degree in a quantitative field")).toBe('master');
  });
  it('ignores a preferred degree', () => {
    expect(degree("Requirements\n• SQL\nPreferred Qualifications:\n• Master's degree in Statistics")).toBeNull();
    expect(degree('College degree in Math or Sciences preferred.')).toBeNull();
  });
  it('does not read MS Office as a degree', () => {
    expect(degree('Proficient with MS Office and MS Excel.')).toBeNull();
  });
  it('does not count a degree still being studied for', () => {
    expect(degree("Currently pursuing a Bachelor's degree in Computer Science")).toBeNull();
  });
});

describe('skills', () => {
  it('names technologies canonically', () => {
    expect(skills('Experience with sklearn, Pytorch, GCP and Postgres')).toEqual(['scikit-learn', 'PyTorch', 'Google Cloud Platform', 'PostgreSQL']);
  });
  it('does not read "Go" in "go-to" or "R" in "R&D"', () => {
    expect(skills('Our go-to-market team works with R&D. Go to our site.')).toEqual([]);
  });
  it('reads Go and R inside a list of languages', () => {
    expect(skills('Proficiency in Python, Go, or R')).toEqual(['Python', 'Go', 'R']);
  });
  it('does not read Java in JavaScript', () => {
    expect(skills('Strong JavaScript skills')).toEqual(['JavaScript']);
  });
  it('ignores technologies named only in the company blurb', () => {
    const text = 'Our app is built in React Native and Node.js.\n\nRequirements\n• Python and SQL';
    expect(skills(text)).toEqual(['Python', 'SQL']);
  });
});

describe('qualification lines', () => {
  it('splits basic and preferred lines and drops bullets', () => {
    const q = qualificationLines("Basic Qualifications:\n• Bachelor's degree\n• 4+ years of Python\n\nPreferred Qualifications:\n• Master's degree");
    expect(q).toEqual({ basic: ["Bachelor's degree", '4+ years of Python'], preferred: ["Master's degree"] });
  });
});

describe('minimum years in prose', () => {
  it('reads "looking for 4+ years of experience" as a requirement', () => {
    expect(years("We're looking for 4+ years of experience with Ruby.")).toBe(4);
  });
  it('still ignores "for 25 years" of company history', () => {
    expect(years('We have served farmers for 25 years of growth.')).toBeNull();
  });
});

describe('UK degrees and skills addressed to the candidate', () => {
  it('reads a 2:1 degree as a bachelor', () => {
    expect(degree('Requirements:\n- A 2:1 degree in Computer Science or a related subject')).toBe('bachelor');
  });
  it('takes skills from preamble sentences that speak to the candidate', () => {
    const text = "Join our graduate programme. You'll learn C# and .NET on client projects.\n\nRequirements:\n- A degree";
    expect(skills(text)).toEqual(['C#', '.NET']);
  });
});

describe('skills and the employer', () => {
  it("does not list the employer's own product name as a skill", async () => {
    const { extractPosting } = await import('../../src/extract/index.js');
    const p = extractPosting('Principal Product Designer\nFigma\nSan Francisco, CA\n\nYou will design in Figma with our team.');
    expect(p.company).toBe('Figma');
    expect(p.requirements.skills).not.toContain('Figma');
  });
});

// Excerpts of real postings from fixtures/real (tune split; sources in its labels.json).
describe('requirements on real postings', () => {
  it('reads "N years <domain> experience" without "of" and keeps the largest required figure (a047, LSEG)', () => {
    const text = 'Required Skills:\n- Minimum of 3 years testing or other development experience.\n'
      + '- Test automation skills, at least 2 years of experience in automation, 2-5 years programming experience.';
    expect(years(text)).toBe(3);
  });
  it('reads a wide range from zero as no minimum, a narrow one as entry-level', () => {
    expect(years('0-5 Years of relevant experience')).toBeNull();
    expect(years('Requirements\n0-2 years of experience')).toBe(0);
  });
  it('does not read guidance or a denied figure as a requirement (b020)', () => {
    expect(years('Orientativamente, estamos buscando personas con experiencia entre 5 y 10 años, si bien estamos abiertos a otro tipo de perfiles.')).toBeNull();
    expect(years('Desde nuestro punto de vista, 5 años trabajando en la misma aplicación no equivalen a 5 años de experiencia real.')).toBeNull();
  });
  it('reads "Degree in …", "A degree in …" and "Any Engineering degree" as a bachelor\'s (a013, a035, a037, a058)', () => {
    expect(degree('Degree in Electrical and Electronic Engineering, Computer Engineering or related field')).toBe('bachelor');
    expect(degree('A degree in Computer Science, Software Engineering, AI, Machine Learning, or similar- or equivalent professional experience')).toBe('bachelor');
    expect(degree('Educational Qualification : Any Engineering degree')).toBe('bachelor');
    expect(degree('Degree in Engineering (Mechanical, Electrical, Process, or related discipline)')).toBe('bachelor');
    // A degree of something is no degree; a degree in a field left open names no level.
    expect(degree('You will have a high degree of autonomy.')).toBeNull();
    expect(degree('in any degree discipline')).toBeNull();
  });
  it('reads B.Tech/M.Tech and "Masters or BE" as a bachelor\'s (a050, b058)', () => {
    expect(degree('B.Tech/M.Tech from a premier institute with 2 to 4 years of hands on design / development experience')).toBe('bachelor');
    expect(degree('Masters (MCA\\MTech) or BE in CS \\IT')).toBe('bachelor');
  });
  it('reads "undergraduate or postgraduate degree" as a bachelor\'s (b041)', () => {
    expect(degree('You must be in the final year of a university undergraduate or postgraduate degree or have completed your university studies.')).toBe('bachelor');
  });
  it('does not take a founder\'s biography or a company name for a degree (b061, a016)', () => {
    expect(degree('He holds Bachelor of Engineering from VNIT,Nagpur and Master of Technology from IIT,Roorkee in Computer Science')).toBeNull();
    expect(degree('Wash Masters Car Wash')).toBeNull();
  });
});

describe('qualification lines a card may show', () => {
  it('drops page clutter and cut-off fragments, and splits glued bullets (issue 16 failure list)', () => {
    const q = qualificationLines('Requirements:\n• 5 experience in a clinical setting Preferred and\n• Python • SQL • 3+ years of AWS\n• Show more\n'
      + "• Bachelor's degree in Nursing\n• Experience with Java, C++ and");
    expect(q.basic).toEqual(['Python', 'SQL', '3+ years of AWS', "Bachelor's degree in Nursing"]);
  });
  it('does not show the job\'s own header fields, or labels answered no, as requirements (b022, issue 16)', () => {
    const q = qualificationLines('Requirements:\n• Location: Jaipur. Notice Period: Immediate to 15 Days Preferred Field Role (Mon-Sat Daily)\n'
      + '• Direct Reports: No\n• US Citizenship Required: No\n• Security Clearance: Required\n• 3+ years of B2B field sales');
    expect(q.basic).toEqual(['Security Clearance: Required', '3+ years of B2B field sales']);
  });
  it('reads the Indian "Graduate in any stream" as a bachelor\'s (b025, b052)', () => {
    expect(degree('Qualification & Experience. Graduate in any stream.')).toBe('bachelor');
    expect(degree('Education: Any Graduate')).toBe('bachelor');
  });
});
