import { describe, expect, it } from 'vitest';
import { extractCompany } from '../../src/extract/company.js';
import { cleanTitle, extractTitle } from '../../src/extract/title.js';

/**
 * Title and company read the way real postings put them (issue 16 items 2 and 4). Each case is
 * a shape seen in real pastes, written afresh: what is tested is the shape, not one posting's words.
 */

describe('company: a value must look like a company', () => {
  it('reads a name from its first letter, not from inside a cut-off word', () => {
    const text = 'gCS Prescient Labs is seeking a Machine Learning Engineer to build foundation models.\n\nYou will work across research and engineering.';
    expect(extractCompany(text).value).not.toBe('CS Prescient Labs');
  });
  it('does not take a place before "is seeking" as the employer', () => {
    const text = 'A reputable construction firm operating in Jeddah is seeking a qualified Planning Engineer to join its project team.';
    expect(extractCompany(text).value).toBeNull();
  });
  it('still reads "my team at X is hiring"', () => {
    expect(extractCompany('hey all, my team at Brightwater Studios is hiring a backend engineer, remote.').value).toBe('Brightwater Studios');
  });
  it('reads "X is actively seeking"', () => {
    expect(extractCompany('Nordbank is actively seeking motivated Analysts to join its Investment Banking team in Zurich.').value).toBe('Nordbank');
  });
  it('reads "As an X at Y, you will"', () => {
    expect(extractCompany('Role Description:\nAs an AI Engineer at Quillmind.ai, you will be part of our AI development team.').value).toBe('Quillmind.ai');
  });
  it('leaves a shouted heading that the posting never repeats', () => {
    const text = 'THE ROLE:\nWe are seeking a Verification Engineer.\n\nACADEMIC CREDENTIALS:\nBachelor in Electrical Engineering.\n\nLOCATION:\nRemote';
    expect(extractCompany(text).value).toBeNull();
  });
  it('does not take a tool the role works with as the employer', () => {
    const text = 'Roles & Responsibilities\nFacilitate all scrum ceremonies.\nExperience working with Atlassian tools such as Jira and Confluence.';
    expect(extractCompany(text).value).toBeNull();
  });
  it('reads "Entity:" and "Agency:" fields, and not "Agency: No"', () => {
    expect(extractCompany('Entity: Larchmont Systems, Inc.\n\nJob Duties:\n• Design software.').value).toBe('Larchmont Systems, Inc.');
    expect(extractCompany('Opening Date: 04/15/2025\nAgency: Department of Natural Resources\nJob Type: Full Time').value).toBe('Department of Natural Resources');
    expect(extractCompany('Agency: No\nJob Type: Full Time').value).toBeNull();
  });
  it('keeps "GmbH" whole when a flattened record runs on after it', () => {
    expect(extractCompany('title: "Referent:in Steuern" company: Hafenblick Beteiligungs GmbH location: Hamburg remote: true').value).toBe('Hafenblick Beteiligungs GmbH');
  });
  it('takes the short name the posting keeps repeating over one team\'s longer name', () => {
    const text = [
      '#WeAreFalconGuard and our mission is to stop breaches. FalconGuard leads the market.',
      'FalconGuard Services is seeking a Platform Operations Specialist.',
      '• Support FalconGuard deployments.', '• Integrate FalconGuard into existing tools.', '• Train customers on FalconGuard.',
      'FalconGuard is an equal opportunity employer.',
    ].join('\n');
    expect(extractCompany(text).value).toBe('FalconGuard');
  });
  it('reads a sign-off and a signature line with a legal form', () => {
    expect(extractCompany('Wir freuen uns auf dich!\nDein Lindgrün Team').value).toBe('Lindgrün');
    expect(extractCompany('Send your updated resume.\n\nThanks & Regards,\nPriya\nHollowell Technology, Inc. Windsor, CT 06095').value).toBe('Hollowell Technology');
  });
  it('reads "Bei X …" and "En X …" openings', () => {
    expect(extractCompany('Bei KOVAX entwickelst du echte Software-Produkte mit TypeScript und Python.').value).toBe('KOVAX');
    expect(extractCompany('En TRAMOSO estamos buscando ingenieros de software para unirse a nuestro equipo.').value).toBe('TRAMOSO');
  });
});

describe('title: read where real postings put it', () => {
  it('reads "We\'re seeking a <describing words> <Title>"', () => {
    const text = 'About the job\n\nWe’re seeking a highly technical and innovative Learning Technology & AI Solutions Specialist to support a modern learning ecosystem.';
    expect(extractTitle(text, null).value).toBe('Learning Technology & AI Solutions Specialist');
  });
  it('reads a sentence that opens with "Looking for a …"', () => {
    expect(extractTitle('Description\nLooking for a seasoned Java/J2EE Developer Lead with 10+ years of industry experience', null).value).toBe('Java/J2EE Developer Lead');
  });
  it('reads "The <Title> is a key … role"', () => {
    const text = 'Role Overview\nThe Director of Demand Generation is a key leadership role focused on pipeline growth.';
    expect(extractTitle(text, null).value).toBe('Director of Demand Generation');
  });
  it('reads an "About the <Title> at <Company>:" heading', () => {
    expect(extractTitle('About the Software Engineer, API at Calmly:\nCalmly is seeking a talented Software Engineer to join its B2B org.', 'Calmly').value).toBe('Software Engineer, API');
  });
  it('takes the company and a requisition number off a page title', () => {
    expect(extractTitle('Senior Product Manager, Client Exp - 92524 - Greengrocer\nGreengrocer\n\nAbout the role', 'Greengrocer').value).toBe('Senior Product Manager, Client Exp');
  });
  it('takes the company off the front of a saved heading', () => {
    expect(extractTitle('Halberd Systems Software Engineer Position\n\nHalberd Systems is a defense technology company.', 'Halberd Systems').value).toBe('Software Engineer');
  });
  it('reads a title that ends in an abbreviation ("U.S.")', () => {
    const text = 'Back to Careers\n\nSoftware Engineer, 2026 Graduate U.S.\n\nJob Locations US-WA-Seattle\n\nWorking at Acme';
    expect(extractTitle(text, null).value).toBe('Software Engineer, 2026 Graduate U.S.');
  });
  it('prefers the posting\'s own title over a civil-service "Class Title"', () => {
    const text = 'OFFICE ASSOCIATE (BILINGUAL)\nJob Requisition ID: 41111\nAgency: Department of Revenue\nClass Title: OFFICE ASSOC - 29080\nSalary: $3,952 - $5,417 per month';
    expect(extractTitle(text, null).value).toBe('Office Associate (Bilingual)');
  });
});

describe('title: what rides on it comes off', () => {
  it('takes pay off the title line', () => {
    expect(cleanTitle('Buchhalter:in 40.000 - 50.000')).toBe('Buchhalter:in');
    expect(cleanTitle('Backend Developer ($120k - $150k)')).toBe('Backend Developer');
    expect(cleanTitle('Full Stack Developer PHP (R$ 18.000,00)')).toBe('Full Stack Developer PHP');
  });
  it('takes German hours, a known city after "in", and a trailing arrangement off', () => {
    expect(cleanTitle('Referent:in Steuern in Voll- oder Teilzeit (mind. 25 Std./Woche) bis zu 100% Remote')).toBe('Referent:in Steuern');
    expect(cleanTitle('Lohnbuchhalter:in in Berlin Süd, hybrid')).toBe('Lohnbuchhalter:in');
    expect(cleanTitle('Software Engineer in Test')).toBe('Software Engineer in Test');
  });
  it('drops how-and-where parentheticals: hours, home-based', () => {
    expect(cleanTitle('Pessoa Desenvolvedora Fullstack Sênior (escolha entre 6h ou 8h)')).toBe('Pessoa Desenvolvedora Fullstack Sênior');
    expect(cleanTitle('Software Developer - C#/.NET (NZ Software Solutions, Home-based)')).toBe('Software Developer - C#/.NET');
  });
});

describe('header lines of aggregator and e-mail pastes', () => {
  it("reads a Markdown link line as the title and the line under it as the company", () => {
    const text = '[Lead Developer .Net - CDI - H/F/X](https://board.example/apply/lead-developer-net)\nMaisonvente\n`💰 65k-95k USD` `🌎 France`\n\nThe group has brought its brands together.';
    expect(extractTitle(text, null).value).toBe('Lead Developer .Net');
    expect(extractCompany(text).value).toBe('Maisonvente');
  });
  it("takes a recruiter's 'needed in <place>' off a subject line", () => {
    expect(cleanTitle('Java/Oracle Developer needed in Dallas, TX')).toBe('Java/Oracle Developer');
  });
  it("reads a signature line that names the sender's e-mail domain", () => {
    const text = 'Dear Candidate:\nMy client is looking for a Java developer.\n\nRegards,\nRuss Wade\nTalvix - Dallas\nrwade@talvix.com';
    expect(extractCompany(text).value).toBe('Talvix');
    expect(extractCompany('Regards,\nJo\nGmail - Dallas\njo@gmail.com').value).toBeNull();
  });
});

describe('title: social posts, lower-case headers and role lists', () => {
  it("keeps the words a dash adds to the role on a hiring line, not the place or the company", () => {
    const body = '\nThe team runs large projects across the region.';
    expect(extractTitle(`📌 Hiring Alert: Senior Manager - Construction | Nakheel Parks – Riyadh${body}`, null).value).toBe('Senior Manager - Construction');
    expect(extractTitle(`Hiring: General Manager – Project (Commercial Real Estate)\\n📍 Location: Noida${body}`, null).value).toBe('General Manager - Project (Commercial Real Estate)');
    expect(extractTitle(`[HIRING] Junior Frontend Developer (React) – Toronto, ON (on-site)${body}`, null).value).toBe('Junior Frontend Developer (React)');
  });
  it('reads a lower-case role line in a header', () => {
    expect(extractTitle('Brinks Cargo\ndeveloper\n\nFull job description\nWith a network of 200 branches, we keep cash moving.', null).value).toBe('Developer');
    expect(extractTitle('we need a developer\n\nDM me.', null).value).toBeNull();
  });
  it('gives no title when a post calls for a list of roles', () => {
    const text = "We're looking for the most tenacious designers, software engineers, product managers, and more, who want to fix public services.";
    expect(extractTitle(text, null).value).toBeNull();
  });
  it('takes a certification asked for, and a list of places after " l ", off the title', () => {
    expect(extractTitle('Riverbend Health has an opening for a Board Certified/Eligible Family Medicine Physician to join our team.', null).value).toBe('Family Medicine Physician');
    expect(cleanTitle('Urgent Hiring | Evaluation Engineer l Mumbai/Jaipur/Punjab.')).toBe('Evaluation Engineer');
  });
});

describe('company: the name the posting keeps using', () => {
  it("takes the employer's short name over one team's longer name the posting says once", () => {
    const text = [
      'About the job',
      '#WeAreHalcyon and our mission is to stop breaches. Halcyon leads the market.',
      'About The Role',
      'Halcyon Services is seeking a Platform Operations Specialist.',
      '• Support Halcyon Cloud deployments.', '• Integrate Halcyon into existing tools.', '• Leverage Halcyon applications for customers.',
      'Halcyon is committed to fair pay.',
    ].join('\n');
    expect(extractCompany(text).value).toBe('Halcyon');
  });
  it('keeps a two-word name whose first word the posting never uses alone', () => {
    const text = 'Capital Harbor is seeking a Data Engineer.\nAt Capital Harbor, we build tools.\nCapital Harbor is an equal opportunity employer.';
    expect(extractCompany(text).value).toBe('Capital Harbor');
  });
  it('asks more of the text when the source says it never names the company', () => {
    const plain = 'Android Engineer III\nTrellis is the dating app designed to be deleted.\n\nAt Trellis, we’re on a mission to inspire connection. Trellis users trust us. Build the Trellis app with us. Trellis is growing.';
    expect(extractCompany(plain, 45).value).toBe('Trellis');
    expect(extractCompany('Data Analyst\n\nYou will build dashboards in BI tools. Experience with BI reporting.', 45).value).toBeNull();
  });
});
