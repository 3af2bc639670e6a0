/**
 * Postings written for the start-up warm-up (src/warm-up/index.ts), one of each kind people
 * paste: a whole job-board page copied with Ctrl+A, a company careers page with pay for several
 * places, a short chat ad whose encoding was garbled on the way, and a posting in German. They
 * are made up: no real company, person or job.
 */
export const WARM_UP_SAMPLES: readonly string[] = [
  `Skip to main content
Jobs
People
Learning
Home
My Network
Notifications
Northwind Robotics
Senior Backend Engineer, Fleet Platform
Northwind Robotics · Pittsburgh, PA (Hybrid) · 2 weeks ago · Over 100 applicants
$155,000/yr - $190,000/yr · Full-time · Mid-Senior level
Easy Apply
Save
About the job
Northwind Robotics builds the software that keeps autonomous warehouse fleets moving. We're looking for a Senior Backend Engineer to join the Fleet Platform team.

What you'll do:
• Design and build services in Go and Python that coordinate thousands of robots in real time
• Own the reliability of our event pipeline (Kafka, PostgreSQL, Redis) end to end
• Partner with product and hardware teams to ship features from design to production
• Mentor engineers and lead technical design reviews

What we're looking for:
• 5+ years of professional software engineering experience
• Bachelor's degree in Computer Science or a related field, or equivalent practical experience
• Experience with distributed systems, Kubernetes and AWS
• Nice to have: experience with gRPC, Terraform or robotics

Benefits
Medical, dental and vision insurance, 401(k) match, and 20 days of paid time off.

Northwind Robotics is an equal opportunity employer. We are unable to sponsor or take over sponsorship of an employment visa at this time.

Set alert for similar jobs
Senior Backend Engineer, Pittsburgh, PA
About the company
Northwind Robotics
12,345 followers
Follow
Robotics · 501-1,000 employees · 200 on LinkedIn
People also viewed
Staff Software Engineer
Acme Logistics · Remote
Show more
© 2026 LinkedIn Corporation`,

  `Careers at Bluefin Health
Data Scientist II, Clinical Analytics
Remote - US | New York, NY | Seattle, WA
Apply for this job

About the role
Bluefin Health helps clinics understand their patients' outcomes. As a Data Scientist II you will build models that predict readmission risk and explain them to clinicians.

Responsibilities
- Build, validate and monitor machine learning models in Python (pandas, scikit-learn, PyTorch)
- Write production SQL against our Snowflake warehouse
- Present findings to clinical and executive stakeholders

Qualifications
- Master's degree in Statistics, Computer Science or a quantitative field
- 3-5 years of experience in data science, ideally in healthcare
- Strong communication skills

Compensation
The base salary range for this role is:
New York, NY: $140,000 - $165,000 per year
Seattle, WA: $135,000 - $160,000 per year
Remote (US): $120,000 - $150,000 per year
This role is eligible for an annual bonus and equity.

Bluefin Health will sponsor H-1B visas for this position.

Privacy Policy | Terms of Use | Powered by Greenhouse`,

  `[HIRING] Junior Frontend Developer (React) ‚Äì Toronto, ON (on-site)
We‚Äôre a 12-person startup and we‚Äôre hiring our first junior frontend dev! You‚Äôll work on our React + TypeScript web app with the founders.
Must have: 1+ year of experience with React, HTML/CSS, Git. No degree required.
Pay: CA$65k‚Äì75k/year + equity
Must be legally entitled to work in Canada; we can‚Äôt sponsor.
DM me or apply at careers.example.com/jobs/123`,

  `Softwareentwickler (m/w/d) Java – Backend
Lindenbaum Software GmbH · München · Vollzeit · Hybrid

Deine Aufgaben
- Du entwickelst Microservices mit Java, Spring Boot und PostgreSQL
- Du arbeitest eng mit unserem Produktteam zusammen
- Du übernimmst Verantwortung für Qualität und Tests

Dein Profil
- Abgeschlossenes Studium der Informatik oder vergleichbare Ausbildung
- Mindestens 3 Jahre Berufserfahrung in der Softwareentwicklung
- Sehr gute Deutsch- und gute Englischkenntnisse

Wir bieten
- Gehalt: 65.000 € – 80.000 € brutto pro Jahr
- 30 Tage Urlaub, flexible Arbeitszeiten
- Jobticket und Weiterbildungsbudget

Jetzt bewerben!`,
];
