/**
 * Nouns that name a job. A line or phrase without one is not a job title, which keeps site
 * chrome ("WHY PALM BEACH?"), company names and section headings out of the title.
 */
export const ROLE_NOUNS = new RegExp(
  String.raw`\b(` +
    [
      'engineer(s|ing)?', 'developer(s)?', 'programmer', 'architect', 'scientist(s)?', 'analyst', 'designer',
      'manager', 'mgr', 'director', 'head of', 'vp', 'vice president', 'president', 'officer', 'chief',
      'lead', 'specialist', 'administrator', 'coordinator', 'consultant', 'intern(ship)?', 'co-?op',
      'associate', 'representative', 'executive', 'physician', 'nurse', 'technician', 'technologist',
      'accountant', 'recruiter', 'writer', 'editor', 'researcher', 'strategist', 'advocate', 'assistant',
      'sre', 'devops', 'owner', 'partner', 'counsel', 'attorney', 'marketer', 'planner', 'operator',
      'supervisor', 'tester', 'auditor', 'advisor', 'adviser', 'agent', 'fellow', 'apprentice', 'trainee',
      'teacher', 'instructor', 'therapist', 'pharmacist', 'clerk', 'receptionist', 'controller', 'economist',
      'statistician', 'generalist', 'evangelist', 'producer', 'principal', 'expert', 'professional',
      'mechanic', 'electrician', 'driver', 'investigator', 'librarian', 'paralegal', 'buyer', 'estimator',
      'bookkeeper', 'cashier', 'hygienist', 'dentist', 'surgeon', 'psychologist', 'counselor', 'scrum master',
      'product manager', 'data scientist', 'sde', 'swe', 'sdet', 'qa', 'ux', 'ui', 'hospitalist', 'surgeon', 'full[- ]?stack', 'backend', 'frontend', 'tutor', 'lecturer', 'professor',
      'member of technical staff', 'mts', 'copywriter', 'welder', 'machinist', 'carpenter', 'plumber', 'installer',
      'dispatcher', 'courier', 'stocker', 'merchandiser', 'crew member', 'team member', 'laborer', 'labourer', 'caregiver',
      'paramedic', 'phlebotomist', 'sonographer', 'radiographer', 'physiotherapist', 'veterinarian', 'midwife', 'barista',
      'bartender', 'cook', 'housekeeper', 'custodian', 'janitor', 'secretary', 'translator', 'interpreter', 'illustrator',
      'animator', 'actuary', 'underwriter', 'teller', 'lawyer', 'solicitor', 'cto', 'cfo', 'ceo', 'coo', 'ciso', 'cna', 'lpn',
      // German, French, Spanish and Dutch postings name the job in their own words.
      'entwickler(in)?', 'buchhalter(in)?', 'mitarbeiter(in)?', 'kaufmann', 'kauffrau', 'ingenieur(in)?', 'berater(in)?', 'leiter(in)?', 'referent(in)?', 'sachbearbeiter(in)?', 'softwareentwickler(in)?',
      'd[ée]veloppeur(se)?', 'ing[ée]nieur(e)?', 'chef de projet', 'responsable', 'charg[ée]e? de', 'technicien(ne)?', 'comptable',
      'desarrollador(a)?', 'desenvolvedor(a)?', 'ingeniero(a)?', 'analista', 'ontwikkelaar', 'medewerker',
    ].join('|') +
    String.raw`)\b`,
  'i',
);

/** Site names that pages append to a title ("… | LinkedIn", "… - Greenhouse"). */
export const SITE_SUFFIX = /\s*[|\-–—·:]\s*(linkedin|indeed(\.com)?|glassdoor|greenhouse|lever|ashby|workday|smartrecruiters|workable|built ?in( [a-z]+)?|wellfound|angellist|otta|seek|monster|ziprecruiter|dice|careers?( page| site)?|jobs?( board)?|job board|recruitee|bamboohr|teamtailor|personio|breezy|jobvite|icims|taleo|remote ?ok|we work remotely|hacker news)\s*$/i;
