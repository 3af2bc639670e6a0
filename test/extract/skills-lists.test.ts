import { describe, expect, it } from 'vitest';
import { extractSkills } from '../../src/extract/skills.js';

const skills = (t: string): string[] => extractSkills(t, null).value;

describe('skills named in the list styles postings use', () => {
  it('reads a bulleted list under a requirements heading', () => {
    const text = 'Requirements\n• Kotlin and Jetpack Compose\n• Retrofit2 for networking\n• Gradle builds';
    expect(skills(text)).toEqual(['Kotlin', 'Jetpack Compose', 'Retrofit', 'Gradle']);
  });
  it('reads a "Tech stack:" line', () => {
    expect(skills('What you will do\nShip features end to end.\nTech stack: Next, Temporal, Postgres')).toEqual(['Next.js', 'Temporal', 'PostgreSQL']);
  });
  it('reads both halves of a slash pair', () => {
    expect(skills('Requirements\n- Solid HTML/CSS and JavaScript/TypeScript')).toEqual(['HTML', 'CSS', 'JavaScript', 'TypeScript']);
  });
  it('reads prose "experience with X and Y"', () => {
    expect(skills('Requirements\nYou have experience with Linux-based servers and BigQuery.')).toEqual(['BigQuery', 'Linux']);
  });
  it('reads every spelling of Node.js and a spaced "Big Query"', () => {
    expect(skills('Requirements\n- Nodejs or node.js services\n- GCP Big Query')).toEqual(['Node.js', 'Google Cloud Platform', 'BigQuery']);
  });
  it('reads GIT in capitals but keeps Git apart from GitHub and GitLab', () => {
    expect(skills('Requirements\n- GIT version control')).toEqual(['Git']);
    expect(skills('Requirements\n- Pull requests on GitHub and pipelines in GitLab')).toEqual(['GitHub', 'GitLab']);
  });
  it('reads network services and office software by name', () => {
    const text = 'Qualifications\n- Administer DNS, DHCP and PKI\n- Proficient in Google Docs and Microsoft Outlook';
    expect(skills(text)).toEqual(['DNS', 'DHCP', 'PKI', 'Google Docs', 'Outlook']);
  });
});

describe('everyday words as skills', () => {
  it('counts lower-case Android libraries inside a list of Android tools', () => {
    const text = 'Requirements\n- Modern Android tools such as Kotlin, coroutines, room, hilt and more';
    expect(skills(text)).toEqual(['Kotlin', 'Coroutines', 'Room', 'Hilt', 'Android']);
  });
  it('counts Express beside Node and Go beside Docker', () => {
    expect(skills('Requirements\n- APIs in Node and Express\n- Services in Docker, Go')).toEqual(['Go', 'Node.js', 'Express.js', 'Docker']);
  });
  it('counts Temporal named as the engine behind a feature', () => {
    expect(skills('Requirements\n- Workflows that run on Temporal.')).toEqual(['Temporal']);
  });
  it('does not read go-to-market, room to grow, temporal data, next steps or express interest', () => {
    const text = [
      'Requirements',
      '- Python and SQL, room to grow',
      '- Help our go-to-market team',
      '- Model spatial and temporal data in Python',
      '- Next steps: express interest by email',
      '- Express your ideas clearly',
    ].join('\n');
    expect(skills(text)).toEqual(['Python', 'SQL']);
  });
  it('does not take the last word of another list item ("Password Vault")', () => {
    expect(skills('Requirements\n- CyberArk Enterprise Password Vault, Infoblox and SolarWinds')).toEqual(['CyberArk', 'SolarWinds']);
  });
  it('does not read Phoenix in a list of places', () => {
    expect(skills('Requirements\n- Python\nLocations: Austin, Phoenix, Denver')).toEqual(['Python']);
  });
});

describe('where skills are read', () => {
  it('reads a stated tech stack even under a perks heading', () => {
    const text = 'Requirements\n- 3+ years of experience\n\nBenefits\n- Interview: a pairing session in our core tech stack of React, TypeScript and Express.js';
    expect(skills(text)).toEqual(['TypeScript', 'React', 'Express.js']);
  });
  it('still ignores tools named among the perks', () => {
    expect(skills('Requirements\n- Python\n\nBenefits\n- A Figma and Notion licence for everyone')).toEqual(['Python']);
  });
  it('reads a sentence to the candidate under a pay heading that swallowed the role', () => {
    const text = "Salary: £90,000\nYou'll enforce CI/CD and write dbt models.\n\nAbout You\n- SQL";
    expect(skills(text)).toEqual(['SQL', 'dbt', 'CI/CD']);
  });
  it('does not name a link\'s path as a skill', () => {
    expect(skills('Requirements\n- Python\nApply at https://example.com/careers/react')).toEqual(['Python']);
  });
  it('leaves methods and disciplines out of named technologies', () => {
    expect(skills('Requirements\n- Machine learning, statistics and A/B testing in an Agile team, with Python')).toEqual(['Python']);
  });
});

describe('informal lists', () => {
  it('reads lower-case names and pipe-separated lists', () => {
    expect(skills('Requirements\n- Stack: python | golang | react | node')).toEqual(['Python', 'Go', 'React', 'Node.js']);
  });
  it('does not read "react" or "node" in prose', () => {
    expect(skills('Requirements\n- Python; able to react quickly to incidents on any node')).toEqual(['Python']);
  });
});

describe('everyday words in prose', () => {
  it('does not read verbs and values as tools ("Excel at", "Spark curiosity", "Bootstrap new teams", "Unity")', () => {
    const text = 'Requirements\n- Excel at written communication\n- Spark curiosity in others\n- Bootstrap new teams\n- Unity and respect guide us\n- Fix the guard rails';
    expect(skills(text)).toEqual([]);
  });
  it('still reads them as tools in context', () => {
    const text = 'Requirements\n- Advanced Excel skills\n- Batch jobs with Spark\n- Rails apps and Bootstrap 5\n- Games in Unity, C# and Blender';
    expect(skills(text)).toEqual(['C#', 'Spark', 'Ruby on Rails', 'Bootstrap', 'Excel', 'Unity', 'Blender']);
  });
});

describe('semicolon lists', () => {
  it('reads items separated by semicolons', () => {
    expect(skills('Requirements\n- Familiarity with: Solr; Spark; Kafka')).toEqual(['Spark', 'Kafka', 'Solr']);
  });
  it('does not read a word that opens the next clause', () => {
    expect(skills('Requirements\n- Strong Python; next, we will pair on a task')).toEqual(['Python']);
  });
});

describe('slash pairs in prose', () => {
  it('reads an everyday word joined by a slash to a skill', () => {
    expect(skills("Requirements\n- You'll own our Spark/Airflow platform")).toEqual(['Spark', 'Airflow']);
  });
  it('reads a game engine named as where the work happens', () => {
    expect(skills('Requirements\n- Prototype mechanics in Unity with the engineers')).toEqual(['Unity']);
  });
});
