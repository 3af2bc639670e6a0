/**
 * Technologies and tools by canonical name. Each entry: the name we print and, when the name
 * alone is not enough, a pattern. Ambiguous short names (Go, R, C, Spark, Rust, Swift) are
 * case-sensitive and need the company of a list or a qualifying word, so "go-to", "R&D",
 * "spark joy" never count. Categories order the output: languages, frameworks and libraries,
 * clouds, data stores, tools.
 */

export type SkillCategory = 'language' | 'framework' | 'cloud' | 'data' | 'tool';

export interface Skill {
  name: string;
  category: SkillCategory;
  pattern: RegExp;
  /** Lower-case strings one of which the text must contain before the pattern is worth running. */
  needles: readonly string[] | null;
}

// Needles of the patterns built from names; hand-written patterns run without a pre-check.
const NEEDLES = new WeakMap<RegExp, string[]>();

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Letters, digits and a few joiners continue a word: "JavaScript" is not "Java".
const EDGE_L = String.raw`(?<![A-Za-z0-9_+#./-])`;
const EDGE_R = String.raw`(?![A-Za-z0-9_+#]|\.[A-Za-z]|-[A-Za-z])`;

function words(...names: string[]): RegExp {
  const re = new RegExp(`${EDGE_L}(?:${names.map(esc).join('|')})${EDGE_R}`, 'i');
  NEEDLES.set(re, names.map((n) => n.toLowerCase()));
  return re;
}
function exact(...names: string[]): RegExp {
  const re = new RegExp(`${EDGE_L}(?:${names.map(esc).join('|')})${EDGE_R}`);
  NEEDLES.set(re, names.map((n) => n.toLowerCase()));
  return re;
}

// A one-letter or everyday-word language counts only inside a list of languages/tools.
const LIST_MATE = String.raw`(?:Python|Java|Scala|SQL|C\+\+|C#|JavaScript|TypeScript|Ruby|Rust|Kotlin|Swift|MATLAB|SAS|Stata|Julia|Perl|PHP|Go|R|C)`;
// A list separator: ",", ", or", "/", "or", "and", "&" (not "R&D").
const SEP = String.raw`(?:,\s*(?:or|and)?|/|\bor\b|\band\b|&(?!D))`;
function inList(name: string): RegExp {
  const n = esc(name);
  return new RegExp(
    String.raw`(?:${LIST_MATE}\s*${SEP}\s*(?:[\w+#]+\s*(?:,|/)\s*){0,4}(?:(?:or|and)\s+)?)${EDGE_L}${n}${EDGE_R}(?!\s*&\s*D)|${EDGE_L}${n}${EDGE_R}(?!&)\s*${SEP}\s*${LIST_MATE}${EDGE_R}|\b(?:in|with|using|languages? (?:like|such as)|programming in)\s+${n}${EDGE_R}(?!&)(?=\s*(?:,|\.|;|$|\s+(?:or|and|programming|language)))`,
  );
}

const T: ReadonlyArray<readonly [string, SkillCategory, RegExp?]> = [
  // Languages
  ['Python', 'language'], ['Java', 'language', exact('Java', 'JAVA', 'java')], ['Scala', 'language', exact('Scala')],
  ['JavaScript', 'language', words('JavaScript', 'JS', 'ECMAScript')], ['TypeScript', 'language'],
  ['Go', 'language', new RegExp(String.raw`\bGolang\b|${inList('Go').source}`)], ['Rust', 'language', inList('Rust')],
  ['C++', 'language', /(?<![A-Za-z])C\+\+|\bcpp\b/], ['C#', 'language', /(?<![A-Za-z])C#|\.NET C#/],
  ['C', 'language', inList('C')], ['R', 'language', inList('R')], ['Ruby', 'language', /\bRuby\b(?! on Rails)/],
  ['Kotlin', 'language'], ['Swift', 'language', inList('Swift')], ['Objective-C', 'language'], ['PHP', 'language'],
  ['SQL', 'language', /(?<![A-Za-z])(?:SQL|T-SQL|PL\/SQL)(?![A-Za-z]| Server)/], ['Bash', 'language', words('Bash', 'shell scripting')],
  ['PowerShell', 'language'], ['MATLAB', 'language'], ['SAS', 'language', exact('SAS')], ['Perl', 'language', exact('Perl')],
  ['Elixir', 'language'], ['Haskell', 'language'], ['Clojure', 'language'], ['Julia', 'language', inList('Julia')],
  ['Dart', 'language', exact('Dart')], ['Lua', 'language', exact('Lua')], ['Solidity', 'language'], ['HTML', 'language', exact('HTML', 'HTML5')],
  ['CSS', 'language', exact('CSS', 'CSS3')], ['GraphQL', 'language'], ['BrightScript', 'language'], ['Verilog', 'language'], ['VHDL', 'language'],
  // Frameworks and libraries (web, mobile, ML, data processing)
  ['React', 'framework', /\bReact(?:\.js|JS)?\b(?! Native)/], ['React Native', 'framework'], ['Angular', 'framework', /\bAngular(?:JS|\.js)?\b/],
  ['Vue', 'framework', /\bVue(?:\.js|JS)?\b/], ['Next.js', 'framework', words('Next.js', 'NextJS')], ['Svelte', 'framework'],
  ['Node.js', 'framework', /\bNode(?:\.js|JS)?\b(?![-\w])/], ['Express.js', 'framework', words('Express.js', 'ExpressJS', 'Express')],
  ['NestJS', 'framework', words('NestJS', 'Nest.js')], ['Django', 'framework'], ['Flask', 'framework'], ['FastAPI', 'framework'],
  ['Ruby on Rails', 'framework', words('Ruby on Rails', 'Rails', 'RoR')], ['Spring', 'framework', /\bSpring(?: Boot| Framework)?\b(?! (?:semester|term|break|\d{4}))/],
  ['.NET', 'framework', /(?<![A-Za-z])\.NET\b|\bASP\.NET\b|\bdotnet\b/], ['Laravel', 'framework'], ['Symfony', 'framework'],
  ['jQuery', 'framework'], ['Redux', 'framework'], ['MobX', 'framework'], ['Tailwind CSS', 'framework', words('Tailwind', 'Tailwind CSS', 'TailwindCSS')],
  ['Jetpack Compose', 'framework'], ['SwiftUI', 'framework'], ['Flutter', 'framework'], ['Android SDK', 'framework'],
  ['Hilt', 'framework', exact('Hilt')], ['RxJava', 'framework'], ['Coroutines', 'framework', words('coroutines', 'Kotlin Coroutines')],
  ['Room', 'framework', /\bRoom\b(?= *(?:,|\/|and|or|database|persistence))/], ['TypeORM', 'framework'], ['Prisma', 'framework'],
  ['Jest', 'framework'], ['Cypress', 'framework'], ['Playwright', 'framework'], ['Selenium', 'framework'], ['pytest', 'framework'],
  ['JUnit', 'framework'], ['Vite', 'framework', exact('Vite')], ['Webpack', 'framework'], ['gulp', 'framework', exact('gulp', 'Gulp')],
  ['scikit-learn', 'framework', words('scikit-learn', 'sklearn', 'scikit learn')], ['PyTorch', 'framework'], ['TensorFlow', 'framework'],
  ['Keras', 'framework'], ['JAX', 'framework', exact('JAX')], ['XGBoost', 'framework'], ['LightGBM', 'framework'],
  ['Hugging Face', 'framework', words('Hugging Face', 'HuggingFace', 'Transformers library')], ['LangChain', 'framework'],
  ['LlamaIndex', 'framework'], ['pandas', 'framework', words('pandas')], ['NumPy', 'framework'], ['SciPy', 'framework'],
  ['matplotlib', 'framework'], ['OpenCV', 'framework'], ['spaCy', 'framework'], ['MLflow', 'framework'], ['Kubeflow', 'framework'],
  ['Dask', 'framework', exact('Dask')], ['Spark', 'framework', /\b(?:Apache )?Spark\b|\bPySpark\b/], ['Hadoop', 'framework'],
  ['Hive', 'framework', exact('Hive')], ['Flink', 'framework'], ['Beam', 'framework', /\bApache Beam\b/], ['Kafka', 'framework'],
  ['Airflow', 'framework'], ['dbt', 'framework', /\bdbt\b/], ['Ray', 'framework', /(?<=(?:,|\band|\bor|\bwith|\busing)\s+)Ray\b(?![-'’])|\bRay\b(?= *(?:,|\/|\bor\b|\band\b|\)))/],
  ['Temporal', 'framework', /\bTemporal\b(?= *(?:,|\/|or|and|\)|workflows?))/], ['RabbitMQ', 'framework'], ['gRPC', 'framework'],
  ['Roku SceneGraph', 'framework', words('SceneGraph', 'Roku SceneGraph')],
  // Clouds
  ['AWS', 'cloud', words('AWS', 'Amazon Web Services')], ['Azure', 'cloud', words('Azure', 'Microsoft Azure')],
  ['Google Cloud Platform', 'cloud', words('Google Cloud Platform', 'GCP', 'Google Cloud')], ['Oracle Cloud', 'cloud', words('OCI', 'Oracle Cloud')],
  ['Firebase', 'cloud'], ['Vercel', 'cloud'], ['Heroku', 'cloud'], ['Cloudflare', 'cloud'],
  ['AWS Lambda', 'cloud', words('Lambda', 'AWS Lambda')], ['S3', 'cloud', exact('S3')], ['EC2', 'cloud', exact('EC2')], ['ECS', 'cloud', exact('ECS')],
  ['EKS', 'cloud', exact('EKS')], ['AWS Glue', 'cloud', /\b(?:AWS )?Glue\b/], ['SageMaker', 'cloud'], ['Vertex AI', 'cloud'],
  ['AWS CDK', 'cloud', words('AWS CDK', 'CDK')], ['Pub/Sub', 'cloud', words('Pub/Sub', 'PubSub')], ['Cloud SQL', 'cloud'],
  // Data stores and warehouses
  ['PostgreSQL', 'data', words('PostgreSQL', 'Postgres', 'Postgre')], ['MySQL', 'data'], ['SQL Server', 'data', words('SQL Server', 'MSSQL')],
  ['Oracle', 'data', /\bOracle\b(?! Cloud)/], ['SQLite', 'data'], ['MongoDB', 'data', words('MongoDB', 'Mongo')], ['Redis', 'data'],
  ['Cassandra', 'data'], ['DynamoDB', 'data'], ['Elasticsearch', 'data', words('Elasticsearch', 'Elastic Search', 'ELK')],
  ['OpenSearch', 'data'], ['Solr', 'data'], ['Lucene', 'data'], ['Neo4j', 'data'], ['Snowflake', 'data', exact('Snowflake')],
  ['BigQuery', 'data'], ['Redshift', 'data'], ['Databricks', 'data'], ['ClickHouse', 'data'], ['TimescaleDB', 'data'],
  ['Pinecone', 'data'], ['FAISS', 'data'], ['Weaviate', 'data'], ['Milvus', 'data'], ['pgvector', 'data'],
  ['Fivetran', 'data'], ['Airbyte', 'data'], ['Segment', 'data', /\bSegment\b(?= *(?:,|\/|or|and|\)))/],
  // Tools and platforms
  ['Docker', 'tool'], ['Kubernetes', 'tool', words('Kubernetes', 'K8s')], ['Terraform', 'tool'], ['Helm', 'tool', exact('Helm')],
  ['Ansible', 'tool'], ['Pulumi', 'tool'], ['CloudFormation', 'tool'], ['Jenkins', 'tool'], ['GitHub Actions', 'tool'],
  ['GitLab CI', 'tool', words('GitLab CI', 'GitLab CI/CD')], ['CircleCI', 'tool'], ['Argo CD', 'tool', words('Argo CD', 'ArgoCD', 'Argo')],
  ['Git', 'tool', /\bGit\b(?!Hub|Lab)/], ['GitHub', 'tool', /\bGitHub\b(?! Actions)/], ['Linux', 'tool'], ['Prometheus', 'tool'], ['Grafana', 'tool'],
  ['Datadog', 'tool'], ['Splunk', 'tool'], ['New Relic', 'tool'], ['Sentry', 'tool'], ['Jira', 'tool'], ['Confluence', 'tool'],
  ['Tableau', 'tool'], ['Looker', 'tool', /\bLooker(?! Studio)\b/], ['Looker Studio', 'tool'], ['Power BI', 'tool', words('Power BI', 'PowerBI')],
  ['ThoughtSpot', 'tool'], ['Lightdash', 'tool'], ['Metabase', 'tool'], ['Mode', 'tool', /\bMode Analytics\b/],
  ['Excel', 'tool', exact('Excel', 'MS Excel', 'Microsoft Excel')], ['PowerPoint', 'tool'], ['Google Suite', 'tool', words('Google Suite', 'G Suite', 'Google Workspace')],
  ['Salesforce', 'tool'], ['HubSpot', 'tool'], ['Marketo', 'tool'], ['Zendesk', 'tool'], ['Workato', 'tool'], ['Figma', 'tool'],
  ['Great Expectations', 'tool'], ['MetricFlow', 'tool'], ['GA4', 'tool', words('GA4', 'Google Analytics 4', 'Google Analytics')],
  ['Active Directory', 'tool'], ['Group Policy', 'tool', words('Group Policy', 'GPO')], ['Windows Server', 'tool'], ['VMware', 'tool', words('VMware', 'vSphere', 'VMware vSphere')],
  ['Office 365', 'tool', words('Office 365', 'O365', 'Microsoft 365')], ['WSUS', 'tool'], ['CyberArk', 'tool'], ['OpenAI API', 'tool', words('OpenAI API', 'OpenAI APIs', 'OpenAI')],
  ['Anthropic API', 'tool', words('Anthropic', 'Claude API')], ['Gemini', 'tool', exact('Gemini')], ['DVC', 'tool', exact('DVC')],
  ['Nginx', 'tool'], ['Istio', 'tool'], ['Vault', 'tool', /\bHashiCorp Vault\b/], ['Postman', 'tool'], ['Unity', 'tool', exact('Unity')], ['Unreal Engine', 'tool', words('Unreal Engine', 'Unreal')],
  ['CI/CD', 'tool', words('CI/CD', 'CICD')], ['REST APIs', 'tool', /\bREST(?:ful)?\b(?:\s*(?:APIs?|services|web services))?/],
  ['Microservices', 'tool', words('microservices', 'micro-services', 'micro services')], ['LLMs', 'tool', words('LLM', 'LLMs', 'large language models', 'large language model')],
  ['RAG', 'tool', exact('RAG', 'retrieval-augmented generation', 'retrieval augmented generation')], ['Android', 'tool', exact('Android')], ['iOS', 'tool', exact('iOS')],
  ['Amplitude', 'tool'], ['Mixpanel', 'tool'], ['SolidWorks', 'tool'], ['AutoCAD', 'tool'], ['Photoshop', 'tool'], ['Illustrator', 'tool', exact('Illustrator', 'Adobe Illustrator')],
  ['Asana', 'tool', exact('Asana')], ['Shopify', 'tool'], ['WCAG', 'tool'], ['OpenTelemetry', 'tool'], ['Snowpark', 'tool'],
  ['SAP', 'tool', exact('SAP')], ['Stata', 'tool', exact('Stata')], ['SPSS', 'tool'], ['WebRTC', 'tool'],
];

// Needles for the hand-written patterns: what the text must contain for them to match.
const HAND_NEEDLES: Readonly<Record<string, readonly string[]>> = {
  Go: ['go', 'golang'], Rust: ['rust'], 'C++': ['c++', 'cpp'], 'C#': ['c#'], C: ['c'], R: ['r'], Ruby: ['ruby'],
  Swift: ['swift'], SQL: ['sql'], Julia: ['julia'], React: ['react'], Angular: ['angular'], Vue: ['vue'],
  'Node.js': ['node'], Spring: ['spring'], '.NET': ['.net', 'dotnet'], Room: ['room'], Spark: ['spark', 'pyspark'],
  Beam: ['beam'], dbt: ['dbt'], Ray: ['ray'], Temporal: ['temporal'], 'AWS Glue': ['glue'], Oracle: ['oracle'],
  Segment: ['segment'], Git: ['git'], 'REST APIs': ['rest'], GitHub: ['github'], Looker: ['looker'], Mode: ['mode analytics'], Vault: ['vault'],
};

export const SKILLS: readonly Skill[] = T.map(([name, category, given]) => {
  const pattern = given ?? words(name);
  return { name, category, pattern, needles: NEEDLES.get(pattern) ?? HAND_NEEDLES[name] ?? null };
});

export const CATEGORY_ORDER: readonly SkillCategory[] = ['language', 'framework', 'cloud', 'data', 'tool'];
