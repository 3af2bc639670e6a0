/**
 * Technologies and tools by canonical name. Each entry: the name we print and, when the name
 * alone is not enough, a pattern. Ambiguous short names (Go, R, C, Spark, Rust, Swift) are
 * case-sensitive and need the company of a list or a qualifying word, so "go-to", "R&D",
 * "spark joy" never count; everyday words (room, temporal, next, express) count only as items
 * of a list of other skills (LIST_FORMS). Categories order the output: languages, frameworks
 * and libraries, clouds, data stores, tools. Methods and disciplines (machine learning,
 * statistics, A/B testing, Agile) are not named technologies and are left out, as the seeds'
 * labels leave them out.
 */

export type SkillCategory = 'language' | 'framework' | 'cloud' | 'data' | 'tool';

export interface Skill {
  name: string;
  category: SkillCategory;
  pattern: RegExp;
  /** Lower-case strings one of which the text must contain before the pattern is worth running. */
  needles: readonly string[] | null;
  /**
   * Everyday words that name this skill only as an item of a list of other skills ("Kotlin,
   * coroutines, room, hilt"), never in prose ("room to grow"). A form with a capital letter is
   * matched with its case; an all lower-case form in any case.
   */
  listForms: readonly string[];
}

// Needles of the patterns built from names; hand-written patterns run without a pre-check.
const NEEDLES = new WeakMap<RegExp, string[]>();

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Letters, digits and a few joiners continue a word: "JavaScript" is not "Java".
// A slash joins two names ("HTML/CSS", "JavaScript/TypeScript") but not the parts of a link.
// The link check looks back at most 200 characters: unbounded, a long run with no spaces was
// reread from each name in it.
const EDGE_L = String.raw`(?<![A-Za-z0-9_+#.-])(?<!(?:\/\/|www\.)\S{0,200})`;
// "Linux-based", "React-powered": a name with a describing suffix still names the technology.
const SUFFIX_OK = String.raw`(?:based|powered|driven|native|backed|centric|focused|heavy|first|certified|compatible|enabled|related|specific)\b`;
const EDGE_R = String.raw`(?![A-Za-z0-9_+#]|\.[A-Za-z]|-(?!${SUFFIX_OK})[A-Za-z])`;

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
const SEP = String.raw`(?:,(?:\s*(?:or|and)(?![\w+#]))?|/|\bor\b|\band\b|&(?!D))`;
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
  ['Go', 'language', new RegExp(String.raw`\b[Gg]o[Ll]ang\b|${inList('Go').source}`)], ['Rust', 'language', inList('Rust')],
  ['C++', 'language', /(?<![A-Za-z])C\+\+|\bcpp\b/], ['C#', 'language', /(?<![A-Za-z])C#|\.NET C#/],
  ['C', 'language', inList('C')], ['R', 'language', inList('R')], ['Ruby', 'language', /\bRuby\b(?! on Rails)/],
  ['Kotlin', 'language'], ['Swift', 'language', inList('Swift')], ['Objective-C', 'language'], ['PHP', 'language'],
  ['SQL', 'language', /(?<![A-Za-z])(?:SQL|T-SQL|PL\/SQL)(?![A-Za-z]| Server)/], ['Bash', 'language', words('Bash')],
  ['PowerShell', 'language'], ['MATLAB', 'language'], ['SAS', 'language', exact('SAS')], ['Perl', 'language', exact('Perl')],
  ['Elixir', 'language'], ['Haskell', 'language'], ['Clojure', 'language'], ['Julia', 'language', inList('Julia')],
  ['Dart', 'language', exact('Dart')], ['Lua', 'language', exact('Lua')], ['Solidity', 'language'], ['HTML', 'language', words('HTML', 'HTML5')],
  ['CSS', 'language', words('CSS', 'CSS3')], ['GraphQL', 'language'], ['BrightScript', 'language'], ['Verilog', 'language'], ['VHDL', 'language'],
  ['SystemVerilog', 'language'], ['Groovy', 'language', exact('Groovy')], ['Erlang', 'language'], ['F#', 'language', /(?<![A-Za-z])F#/], ['OCaml', 'language'],
  ['Fortran', 'language', words('Fortran', 'FORTRAN')], ['COBOL', 'language'], ['Zig', 'language', exact('Zig')], ['Assembly', 'language', words('assembly language', 'x86 assembly', 'ARM assembly')],
  ['Sass', 'language', words('Sass', 'SCSS')], ['Less', 'language', exact('LESS')], ['VBA', 'language', exact('VBA')],
  ['Jinja', 'language'], ['YAML', 'language', exact('YAML')], ['CUDA', 'language', exact('CUDA')],
  // Frameworks and libraries (web, mobile, ML, data processing)
  ['React', 'framework', /\bReact(?:\.js|JS)?\b(?! Native)/], ['React Native', 'framework'], ['Angular', 'framework', /\bAngular(?:JS|\.js)?\b/],
  ['Vue', 'framework', /\bVue(?:\.js|JS)?\b/], ['Next.js', 'framework', words('Next.js', 'NextJS')], ['Svelte', 'framework'],
  ['Node.js', 'framework', /\b(?:Node(?:\.?[jJ][sS])?|node\.?js)\b(?![-\w])/], ['Express.js', 'framework', words('Express.js', 'ExpressJS')],
  ['NestJS', 'framework', words('NestJS', 'Nest.js')], ['Django', 'framework'], ['Flask', 'framework'], ['FastAPI', 'framework'],
  ['Ruby on Rails', 'framework', /\bRuby on Rails\b|\bRoR\b|\bRails\b(?= *(?:apps?|applications?|developers?|engineers?|experience|codebase|monolith|APIs?)\b)/], ['Spring', 'framework', /\bSpring(?: Boot| Framework)?\b(?! (?:semester|term|break|\d{4}))/],
  ['.NET', 'framework', /(?<![A-Za-z])\.NET\b|\bASP\.NET\b|\bdotnet\b/], ['Laravel', 'framework'], ['Symfony', 'framework'],
  ['jQuery', 'framework'], ['Redux', 'framework'], ['MobX', 'framework'], ['Tailwind CSS', 'framework', words('Tailwind', 'Tailwind CSS', 'TailwindCSS')],
  ['Jetpack Compose', 'framework'], ['SwiftUI', 'framework'], ['Flutter', 'framework'], ['Android SDK', 'framework'],
  ['Hilt', 'framework', exact('Hilt')], ['RxJava', 'framework'], ['Coroutines', 'framework', words('coroutines', 'coroutine', 'Kotlin Coroutines')],
  ['Room', 'framework', /\bRoom (?:database|persistence library)\b/], ['TypeORM', 'framework'], ['Prisma', 'framework'],
  ['Jest', 'framework'], ['Cypress', 'framework'], ['Playwright', 'framework'], ['Selenium', 'framework'], ['pytest', 'framework'],
  ['JUnit', 'framework'], ['Vite', 'framework', exact('Vite')], ['Webpack', 'framework'], ['gulp', 'framework', exact('gulp', 'Gulp')],
  ['scikit-learn', 'framework', words('scikit-learn', 'sklearn', 'scikit learn')], ['PyTorch', 'framework'], ['TensorFlow', 'framework'],
  ['Keras', 'framework'], ['JAX', 'framework', exact('JAX')], ['XGBoost', 'framework'], ['LightGBM', 'framework'],
  ['Hugging Face', 'framework', words('Hugging Face', 'HuggingFace', 'Transformers library')], ['LangChain', 'framework'],
  ['LlamaIndex', 'framework'], ['pandas', 'framework', words('pandas')], ['NumPy', 'framework'], ['SciPy', 'framework'],
  ['matplotlib', 'framework'], ['OpenCV', 'framework'], ['spaCy', 'framework'], ['MLflow', 'framework'], ['Kubeflow', 'framework'],
  ['Dask', 'framework', exact('Dask')], ['Spark', 'framework', /\bApache Spark\b|\bPySpark\b|\bSpark (?:SQL|Streaming|jobs?|clusters?|applications?|pipelines?)\b|(?<=\b(?:with|using|in|on)\s+)Spark\b(?![-'’])/], ['Hadoop', 'framework'],
  ['Hive', 'framework', exact('Hive')], ['Flink', 'framework'], ['Beam', 'framework', /\bApache Beam\b/], ['Kafka', 'framework'],
  ['Airflow', 'framework', exact('Airflow', 'Apache Airflow')], ['dbt', 'framework', /\bdbt\b/], ['Ray', 'framework', /(?<=(?:,|\band|\bor|\bwith|\busing)\s+)Ray\b(?![-'’])|\bRay\b(?= *(?:,|\/|\bor\b|\band\b|\)))/],
  ['Temporal', 'framework', /\bTemporal(?:\.io| workflows?| Cloud)\b|(?<=\b(?:with|using|on|by)\s+)Temporal\b(?=[ \t]*(?:[.,;)\n]|$))/], ['RabbitMQ', 'framework'], ['gRPC', 'framework'],
  ['Roku SceneGraph', 'framework', words('SceneGraph', 'Roku SceneGraph')],
  // Web back ends and front ends
  ['Nuxt', 'framework', words('Nuxt', 'Nuxt.js', 'NuxtJS')], ['Remix', 'framework', words('Remix Run')], ['Gatsby', 'framework', exact('Gatsby', 'GatsbyJS')],
  ['Ember.js', 'framework', words('Ember.js', 'EmberJS')], ['Backbone.js', 'framework', words('Backbone.js', 'BackboneJS')], ['Astro', 'framework', exact('Astro')],
  ['Storybook', 'framework'], ['Zustand', 'framework'], ['React Query', 'framework', words('React Query', 'TanStack Query')], ['Apollo GraphQL', 'framework', words('Apollo GraphQL', 'Apollo Client', 'Apollo Server')],
  ['tRPC', 'framework'], ['Fastify', 'framework'], ['Koa', 'framework', exact('Koa', 'Koa.js')], ['Hono', 'framework', exact('Hono')], ['Bootstrap', 'framework', /\b(?:Twitter )?Bootstrap(?: CSS| [3-5])\b/],
  ['Material UI', 'framework', words('Material UI', 'MUI', 'Material-UI')], ['Three.js', 'framework', words('Three.js', 'ThreeJS')], ['D3.js', 'framework', words('D3.js', 'D3')],
  ['Gin', 'framework', words('Gin Gonic', 'Gin framework')], ['Phoenix', 'framework', words('Phoenix Framework', 'Phoenix LiveView')], ['ASP.NET Core', 'framework', words('ASP.NET Core', '.NET Core')],
  ['Entity Framework', 'framework', words('Entity Framework', 'EF Core')], ['Hibernate', 'framework'], ['Quarkus', 'framework'], ['Micronaut', 'framework'],
  ['Ktor', 'framework'], ['Vert.x', 'framework'], ['Akka', 'framework'], ['Celery', 'framework', exact('Celery')], ['SQLAlchemy', 'framework'], ['Pydantic', 'framework'],
  ['Sidekiq', 'framework'], ['Socket.IO', 'framework', words('Socket.IO', 'SocketIO')], ['OAuth', 'framework', words('OAuth', 'OAuth2', 'OAuth 2.0', 'OIDC', 'OpenID Connect')],
  // Mobile
  ['Retrofit', 'framework', exact('Retrofit2')], ['Dagger', 'framework', exact('Dagger', 'Dagger 2', 'Dagger2')], ['Kotlin Flow', 'framework', words('Kotlin Flow', 'StateFlow', 'SharedFlow')],
  ['Jetpack', 'framework', /Android Jetpack|Jetpack(?! Compose)/], ['UIKit', 'framework'], ['Combine', 'framework', /Combine framework/], ['Core Data', 'framework', exact('Core Data', 'CoreData')],
  ['Xcode', 'tool'], ['Android Studio', 'tool'], ['Gradle', 'tool'], ['Maven', 'tool', exact('Maven')], ['Fastlane', 'tool'], ['XCTest', 'framework'], ['Espresso', 'framework', /Espresso(?= *(?:,|\/|or|and|\)|tests?|framework))/],
  ['MEAN stack', 'framework', words('MEAN stack', 'MERN stack')], ['PWA', 'framework', words('PWA', 'PWAs', 'progressive web app', 'progressive web apps')],
  ['Expo', 'framework', words('Expo Router', 'Expo EAS')], ['Ionic', 'framework', exact('Ionic')], ['Xamarin', 'framework'], ['.NET MAUI', 'framework', words('.NET MAUI', 'MAUI')],
  // Data, ML and AI
  ['Polars', 'framework'], ['Jupyter', 'tool', words('Jupyter', 'Jupyter Notebook', 'Jupyter Notebooks', 'JupyterLab')], ['Streamlit', 'framework'], ['Plotly', 'framework'],
  ['statsmodels', 'framework'], ['Seaborn', 'framework'], ['CatBoost', 'framework'], ['ONNX', 'framework'], ['TensorRT', 'framework'], ['vLLM', 'framework'],
  ['DeepSpeed', 'framework'], ['Triton', 'framework', exact('Triton')], ['OpenMP', 'framework'], ['MPI', 'framework', exact('MPI')],
  ['ROS', 'framework', exact('ROS', 'ROS2', 'ROS 2')], ['Trino', 'framework'], ['Presto', 'framework', exact('PrestoDB')], ['Iceberg', 'data', words('Apache Iceberg')],
  ['Delta Lake', 'data'], ['Parquet', 'data', exact('Parquet')], ['Avro', 'data', exact('Avro')], ['Kinesis', 'cloud'], ['Dagster', 'framework'], ['Prefect', 'framework', exact('Prefect')],
  ['Luigi', 'framework', words('Spotify Luigi')], ['NiFi', 'framework'], ['Informatica', 'tool'], ['Talend', 'tool'], ['SSIS', 'tool'], ['Alteryx', 'tool'], ['Qlik', 'tool', words('Qlik', 'QlikView', 'Qlik Sense')],
  // Clouds
  ['AWS', 'cloud', words('AWS', 'Amazon Web Services')], ['Azure', 'cloud', words('Azure', 'Microsoft Azure')],
  ['Google Cloud Platform', 'cloud', words('Google Cloud Platform', 'GCP', 'Google Cloud')], ['Oracle Cloud', 'cloud', words('OCI', 'Oracle Cloud')],
  ['Firebase', 'cloud'], ['Vercel', 'cloud'], ['Heroku', 'cloud'], ['Cloudflare', 'cloud'],
  ['AWS Lambda', 'cloud', words('Lambda', 'AWS Lambda')], ['S3', 'cloud', exact('S3')], ['EC2', 'cloud', exact('EC2')], ['ECS', 'cloud', exact('ECS')],
  ['EKS', 'cloud', exact('EKS')], ['AWS Glue', 'cloud', /\b(?:AWS )?Glue\b/], ['SageMaker', 'cloud'], ['Vertex AI', 'cloud'],
  ['AWS CDK', 'cloud', words('AWS CDK', 'CDK')], ['Pub/Sub', 'cloud', words('Pub/Sub', 'PubSub')], ['Cloud SQL', 'cloud'],
  ['SQS', 'cloud', exact('SQS')], ['SNS', 'cloud', words('AWS SNS', 'Amazon SNS')], ['CloudWatch', 'cloud'], ['API Gateway', 'cloud', words('API Gateway', 'AWS API Gateway')], ['IAM', 'cloud', exact('IAM', 'AWS IAM')],
  ['Cloud Run', 'cloud'], ['Cloud Functions', 'cloud'], ['GKE', 'cloud', exact('GKE')], ['AKS', 'cloud', exact('AKS')], ['Dataflow', 'cloud', exact('Dataflow')], ['Dataproc', 'cloud'],
  ['Bigtable', 'data', exact('Bigtable', 'BigTable')], ['Cloud Spanner', 'data', words('Cloud Spanner')], ['Firestore', 'data'], ['Azure Functions', 'cloud'], ['Azure DevOps', 'tool'],
  ['Supabase', 'cloud'], ['Netlify', 'cloud'], ['DigitalOcean', 'cloud'], ['OpenShift', 'tool'], ['Synapse', 'cloud', words('Azure Synapse', 'Synapse Analytics')],
  // Data stores and warehouses
  ['PostgreSQL', 'data', words('PostgreSQL', 'Postgres', 'Postgre')], ['MySQL', 'data'], ['SQL Server', 'data', words('SQL Server', 'MSSQL')],
  ['Oracle', 'data', /\bOracle\b(?! Cloud)/], ['SQLite', 'data'], ['MongoDB', 'data', words('MongoDB', 'Mongo')], ['Redis', 'data'],
  ['Cassandra', 'data'], ['DynamoDB', 'data'], ['Elasticsearch', 'data', words('Elasticsearch', 'Elastic Search', 'ELK')],
  ['OpenSearch', 'data'], ['Solr', 'data'], ['Lucene', 'data'], ['Neo4j', 'data'], ['Snowflake', 'data', exact('Snowflake')],
  ['BigQuery', 'data', words('BigQuery', 'Big Query')], ['Redshift', 'data'], ['Databricks', 'data'], ['ClickHouse', 'data'], ['TimescaleDB', 'data'],
  ['Pinecone', 'data'], ['FAISS', 'data'], ['Weaviate', 'data'], ['Milvus', 'data'], ['pgvector', 'data'],
  ['MariaDB', 'data'], ['Memcached', 'data'], ['CockroachDB', 'data'], ['Couchbase', 'data'], ['CouchDB', 'data'], ['InfluxDB', 'data'], ['Druid', 'data', words('Apache Druid')],
  ['Pinot', 'data', words('Apache Pinot')], ['Qdrant', 'data'], ['Chroma', 'data', words('ChromaDB')], ['Teradata', 'data'], ['Db2', 'data', words('Db2', 'IBM Db2')], ['Access', 'data', words('Microsoft Access', 'MS Access')],
  ['Fivetran', 'data'], ['Airbyte', 'data'],
  // Syndicated retail and consumer data
  ['Nielsen', 'data', words('Nielsen', 'NielsenIQ', 'NIQ')], ['Circana', 'data'], ['SPINS', 'data', exact('SPINS')], ['Segment', 'data', /\bSegment\b(?= *(?:,|\/|or|and|\)))/],
  // Tools and platforms
  ['Docker', 'tool'], ['Kubernetes', 'tool', words('Kubernetes', 'K8s')], ['Terraform', 'tool'], ['Helm', 'tool', exact('Helm')],
  ['Ansible', 'tool'], ['Pulumi', 'tool'], ['CloudFormation', 'tool'], ['Jenkins', 'tool'], ['GitHub Actions', 'tool'],
  ['GitLab CI', 'tool', words('GitLab CI', 'GitLab CI/CD')], ['CircleCI', 'tool'], ['Argo CD', 'tool', words('Argo CD', 'ArgoCD', 'Argo')],
  ['Git', 'tool', /\b(?:Git|GIT|git)\b(?![-]?(?:[Hh]ub|[Ll]ab))/], ['GitHub', 'tool', /\bGitHub\b(?! Actions)/], ['Linux', 'tool'], ['Prometheus', 'tool'], ['Grafana', 'tool'],
  ['Datadog', 'tool'], ['Splunk', 'tool'], ['New Relic', 'tool'], ['Sentry', 'tool'], ['Jira', 'tool'], ['Confluence', 'tool'],
  ['Tableau', 'tool'], ['Looker', 'tool', /\bLooker(?! Studio)\b/], ['Looker Studio', 'tool'], ['Power BI', 'tool', words('Power BI', 'PowerBI')],
  ['ThoughtSpot', 'tool'], ['Lightdash', 'tool'], ['Metabase', 'tool'], ['Mode', 'tool', /\bMode Analytics\b/],
  ['Excel', 'tool', /\b(?:MS |Microsoft )?Excel\b(?! +(?:at|in|as|with|when|under|on)\b)/], ['PowerPoint', 'tool'], ['Google Suite', 'tool', words('Google Suite', 'G Suite', 'Google Workspace')],
  ['Salesforce', 'tool'], ['HubSpot', 'tool'], ['Marketo', 'tool'], ['Zendesk', 'tool'], ['Workato', 'tool'], ['Figma', 'tool'],
  ['Great Expectations', 'tool'], ['MetricFlow', 'tool'], ['GA4', 'tool', words('GA4', 'Google Analytics 4', 'Google Analytics')],
  ['Active Directory', 'tool'], ['Group Policy', 'tool', words('Group Policy', 'GPO')], ['Windows Server', 'tool'], ['VMware', 'tool', words('VMware', 'vSphere', 'VMware vSphere')],
  ['Office 365', 'tool', words('Office 365', 'O365', 'Microsoft 365')], ['WSUS', 'tool'], ['CyberArk', 'tool'], ['OpenAI API', 'tool', words('OpenAI API', 'OpenAI APIs', 'OpenAI')],
  ['Anthropic API', 'tool', words('Anthropic', 'Claude API')], ['Gemini', 'tool', exact('Gemini')], ['DVC', 'tool', exact('DVC')],
  ['Nginx', 'tool'], ['Istio', 'tool'], ['Vault', 'tool', /\bHashiCorp Vault\b/], ['Postman', 'tool'], ['Unity', 'tool', /\bUnity ?3D\b|\bUnity (?:game )?engine\b|(?<=\b(?:in|with|using)\s+)Unity\b(?![-'’])/], ['Unreal Engine', 'tool', words('Unreal Engine', 'Unreal')],
  ['CI/CD', 'tool', words('CI/CD', 'CICD')], ['REST APIs', 'tool', /\bREST(?:ful)?\b(?:\s*(?:APIs?|services|web services))?/],
  ['Microservices', 'tool', words('microservices', 'micro-services', 'micro services')], ['LLMs', 'tool', words('LLM', 'LLMs', 'large language models', 'large language model')],
  ['RAG', 'tool', exact('RAG', 'retrieval-augmented generation', 'retrieval augmented generation')], ['Android', 'tool', exact('Android')], ['iOS', 'tool', exact('iOS')],
  ['Amplitude', 'tool'], ['Mixpanel', 'tool'], ['SolidWorks', 'tool'], ['AutoCAD', 'tool'], ['Photoshop', 'tool'], ['Illustrator', 'tool', exact('Illustrator', 'Adobe Illustrator')],
  ['Asana', 'tool', exact('Asana')], ['Shopify', 'tool'], ['WCAG', 'tool'], ['OpenTelemetry', 'tool'], ['Snowpark', 'tool'],
  ['SAP', 'tool', exact('SAP')], ['Stata', 'tool', exact('Stata')], ['SPSS', 'tool'], ['WebRTC', 'tool'],
  // Build, delivery and operations
  ['GitLab', 'tool', /\bGitLab\b(?! CI)/], ['Bitbucket', 'tool'], ['GitOps', 'tool'], ['Flux', 'tool', words('FluxCD', 'Flux CD')], ['Spinnaker', 'tool'], ['Tekton', 'tool'],
  ['Travis CI', 'tool'], ['Buildkite', 'tool'], ['TeamCity', 'tool'], ['Bamboo', 'tool', words('Atlassian Bamboo')], ['Bazel', 'tool'], ['Nx', 'tool', exact('Nx')], ['Turborepo', 'tool'],
  ['npm', 'tool', exact('npm', 'NPM')], ['Yarn', 'tool', exact('Yarn')], ['pnpm', 'tool'], ['Podman', 'tool'], ['Nomad', 'tool', words('HashiCorp Nomad')], ['Consul', 'tool', words('HashiCorp Consul')],
  ['Packer', 'tool', words('HashiCorp Packer')], ['Vagrant', 'tool'], ['Chef', 'tool', words('Chef Infra')], ['Puppet', 'tool', exact('Puppet')], ['SaltStack', 'tool'], ['Crossplane', 'tool'],
  ['Backstage', 'tool', words('Backstage.io', 'Spotify Backstage')], ['SonarQube', 'tool'], ['Snyk', 'tool'], ['Kibana', 'tool'], ['Logstash', 'tool'], ['Fluentd', 'tool', words('Fluentd', 'Fluent Bit')],
  ['Jaeger', 'tool', exact('Jaeger')], ['Zipkin', 'tool'], ['PagerDuty', 'tool'], ['Honeycomb', 'tool', words('Honeycomb.io')], ['Loki', 'tool', words('Grafana Loki')], ['Nagios', 'tool'], ['Zabbix', 'tool'],
  ['SolarWinds', 'tool'], ['Dynatrace', 'tool'], ['AppDynamics', 'tool'], ['Elastic APM', 'tool'], ['ServiceNow', 'tool'], ['Okta', 'tool'], ['Auth0', 'tool'], ['Keycloak', 'tool'],
  ['Wireshark', 'tool'], ['Burp Suite', 'tool'], ['Nmap', 'tool'], ['Metasploit', 'tool'], ['CrowdStrike', 'tool'], ['SIEM', 'tool', exact('SIEM')], ['Unix', 'tool', words('Unix', 'UNIX')],
  ['Windows', 'tool', /\bWindows\b(?= *(?:,|\/|or|and|\)|(?:OS|operating systems?|environments?|desktops?|clients?|10|11)\b))/], ['macOS', 'tool', words('macOS', 'Mac OS')],
  ['RHEL', 'tool', words('RHEL', 'Red Hat Enterprise Linux')], ['Ubuntu', 'tool'], ['Hyper-V', 'tool'], ['Citrix', 'tool'], ['Intune', 'tool'], ['SCCM', 'tool', words('SCCM', 'MECM')], ['Entra ID', 'tool', words('Entra ID', 'Azure AD', 'Azure Active Directory')],
  // Cloud services, messaging and service meshes
  ['AWS Step Functions', 'cloud', words('Step Functions', 'AWS Step Functions')], ['EventBridge', 'cloud'], ['Amazon Aurora', 'cloud', words('Amazon Aurora', 'Aurora PostgreSQL', 'Aurora MySQL')],
  ['RDS', 'cloud', exact('RDS', 'Amazon RDS')], ['Fargate', 'cloud'], ['CloudFront', 'cloud'], ['Route 53', 'cloud', words('Route 53', 'Route53')], ['AWS Amplify', 'cloud'],
  ['Amazon Bedrock', 'cloud', words('Amazon Bedrock', 'AWS Bedrock')], ['Azure OpenAI', 'cloud'], ['Azure ML', 'cloud', words('Azure ML', 'Azure Machine Learning')], ['Cosmos DB', 'data', words('Cosmos DB', 'CosmosDB')],
  ['Confluent', 'framework'], ['Pulsar', 'framework', words('Apache Pulsar')], ['NATS', 'framework', exact('NATS')], ['ZeroMQ', 'framework'], ['Envoy', 'tool', exact('Envoy')], ['Linkerd', 'tool'],
  ['Cilium', 'tool'], ['eBPF', 'tool'], ['Protobuf', 'framework', words('Protobuf', 'Protocol Buffers')], ['OpenAPI', 'tool', words('OpenAPI', 'Swagger')], ['PostGIS', 'data'],
  // Testing, build and web platforms
  ['Babel', 'framework', words('Babel.js', 'BabelJS')], ['ESLint', 'tool'], ['Rollup', 'tool', words('Rollup.js')], ['esbuild', 'tool'], ['Vitest', 'framework'], ['Mocha', 'framework', words('Mocha.js')],
  ['Jasmine', 'framework', words('Jasmine.js')], ['Puppeteer', 'framework'], ['Appium', 'framework'], ['TestNG', 'framework'], ['Cucumber', 'framework', words('Cucumber.js', 'Gherkin')], ['k6', 'tool', exact('k6')],
  ['JMeter', 'tool'], ['Gatling', 'tool'], ['LoadRunner', 'tool'], ['WordPress', 'tool'], ['Drupal', 'tool'], ['Magento', 'tool'], ['WooCommerce', 'tool'], ['Contentful', 'tool'], ['Strapi', 'tool'],
  ['Webflow', 'tool'], ['Stripe', 'tool', words('Stripe API', 'Stripe APIs', 'Stripe Connect', 'Stripe Billing')], ['Twilio', 'tool'], ['Plaid', 'tool', words('Plaid API')],
  // ML platforms
  ['LangGraph', 'framework'], ['Ollama', 'tool'], ['Weights & Biases', 'tool', words('Weights & Biases', 'Weights and Biases', 'W&B', 'wandb')], ['BentoML', 'framework'],
  // Analytics and BI
  ['Power Query', 'tool'], ['DAX', 'language', /\bDAX\b(?= *(?:,|\/|or|and|\)|formulas?|measures?|queries))/], ['SSRS', 'tool'], ['SSAS', 'tool'], ['Minitab', 'tool'], ['Mathematica', 'tool'], ['LaTeX', 'tool', exact('LaTeX')],
  // Embedded, hardware and engineering software
  ['RTOS', 'tool', exact('RTOS', 'FreeRTOS')], ['Zephyr', 'tool', words('Zephyr RTOS')], ['Yocto', 'tool'], ['Arduino', 'tool'], ['Raspberry Pi', 'tool'], ['STM32', 'tool'], ['I2C', 'tool', exact('I2C', 'I²C')],
  ['UART', 'tool', exact('UART')], ['CAN bus', 'tool', words('CAN bus', 'CANbus', 'CAN-bus')], ['JTAG', 'tool', exact('JTAG')], ['PLC', 'tool', exact('PLC', 'PLCs')], ['SCADA', 'tool', exact('SCADA')],
  ['CATIA', 'tool'], ['Creo', 'tool', exact('Creo', 'PTC Creo')], ['ANSYS', 'tool'], ['COMSOL', 'tool'], ['Fusion 360', 'tool'],
  // Networks and protocols
  ['DNS', 'tool', exact('DNS', 'DNSSEC')], ['DHCP', 'tool', exact('DHCP')], ['PKI', 'tool', exact('PKI')], ['TCP/IP', 'tool', exact('TCP/IP', 'TCP', 'UDP')], ['LDAP', 'tool', exact('LDAP')],
  ['SAML', 'tool', exact('SAML')], ['VPN', 'tool', exact('VPN', 'VPNs')], ['BGP', 'tool', exact('BGP')], ['OSPF', 'tool', exact('OSPF')], ['VLAN', 'tool', exact('VLAN', 'VLANs')], ['SD-WAN', 'tool', exact('SD-WAN')],
  ['HTTP', 'tool', exact('HTTP', 'HTTPS', 'HTTP/2')], ['WebSockets', 'tool', words('WebSocket', 'WebSockets')], ['MQTT', 'tool', exact('MQTT')], ['Cisco', 'tool', words('Cisco', 'Cisco IOS')], ['Juniper', 'tool', exact('Juniper', 'Junos')],
  // Office, business and design software
  ['Microsoft Word', 'tool', words('Microsoft Word', 'MS Word')], ['Outlook', 'tool', words('Microsoft Outlook', 'MS Outlook')], ['Microsoft Teams', 'tool', words('Microsoft Teams', 'MS Teams')],
  ['SharePoint', 'tool'], ['Power Automate', 'tool'], ['Power Apps', 'tool', words('Power Apps', 'PowerApps')], ['Microsoft Office', 'tool', words('Microsoft Office', 'MS Office')], ['Visio', 'tool'],
  ['Google Docs', 'tool'], ['Google Sheets', 'tool'], ['Google Slides', 'tool'], ['Notion', 'tool', exact('Notion')], ['Trello', 'tool'], ['Monday.com', 'tool'], ['Smartsheet', 'tool'], ['Airtable', 'tool'],
  ['Zapier', 'tool'], ['Miro', 'tool', exact('Miro')], ['Slack', 'tool', exact('Slack')], ['CRM', 'tool', exact('CRM', 'CRMs')], ['Dynamics 365', 'tool', words('Dynamics 365', 'Microsoft Dynamics')], ['NetSuite', 'tool'],
  ['QuickBooks', 'tool'], ['Xero', 'tool', exact('Xero')], ['Pardot', 'tool'], ['Intercom', 'tool', exact('Intercom')], ['Gainsight', 'tool'], ['ZoomInfo', 'tool'],
  ['Salesloft', 'tool'], ['Gong', 'tool', words('Gong.io')], ['Outreach', 'tool', words('Outreach.io')], ['Freshdesk', 'tool'],
  ['Sketch', 'tool', words('Sketch app')], ['Adobe XD', 'tool'], ['InDesign', 'tool'], ['After Effects', 'tool'], ['Premiere Pro', 'tool', words('Premiere Pro', 'Adobe Premiere')], ['Adobe Creative Suite', 'tool', words('Adobe Creative Suite', 'Creative Cloud')],
  ['Blender', 'tool'], ['Godot', 'tool'], ['Simulink', 'tool'], ['LabVIEW', 'tool'], ['Altium', 'tool'], ['KiCad', 'tool'], ['Revit', 'tool'], ['ArcGIS', 'tool', words('ArcGIS', 'Esri')], ['QGIS', 'tool'],
  ['Epic', 'tool', /\bEpic (?:EHR|EMR|Systems)\b/], ['Cerner', 'tool'],
];

// Needles for the hand-written patterns: what the text must contain for them to match.
const HAND_NEEDLES: Readonly<Record<string, readonly string[]>> = {
  'Ruby on Rails': ['ruby on rails', 'ror', 'rails'], Excel: ['excel'], Bootstrap: ['bootstrap'], Unity: ['unity'],
  Go: ['go', 'golang'], Rust: ['rust'], 'C++': ['c++', 'cpp'], 'C#': ['c#'], C: ['c'], R: ['r'], Ruby: ['ruby'],
  Swift: ['swift'], SQL: ['sql'], Julia: ['julia'], React: ['react'], Angular: ['angular'], Vue: ['vue'],
  'Node.js': ['node'], Spring: ['spring'], '.NET': ['.net', 'dotnet'], Room: ['room'], Spark: ['spark', 'pyspark'],
  Beam: ['beam'], dbt: ['dbt'], Ray: ['ray'], Temporal: ['temporal'], 'AWS Glue': ['glue'], Oracle: ['oracle'],
  Segment: ['segment'], Git: ['git'], 'REST APIs': ['rest'], GitHub: ['github'], Looker: ['looker'], Mode: ['mode analytics'], Vault: ['vault'],
  'F#': ['f#'], Jetpack: ['jetpack'], Combine: ['combine'], Espresso: ['espresso'], GitLab: ['gitlab'], Windows: ['windows'], Epic: ['epic'],
};

/**
 * Everyday words that name a skill only as an item of a list of other skills. The list, not a
 * word of context, decides: "Kotlin, coroutines, room, hilt" names Room and Hilt; "room to
 * grow", "go-to-market", "next steps" and "express interest" name nothing.
 */
const LIST_FORMS: Readonly<Record<string, readonly string[]>> = {
  Go: ['Go'], R: ['R'], C: ['C'], Swift: ['Swift'], Rust: ['Rust'], Julia: ['Julia'], Spark: ['spark'], Beam: ['Beam'],
  Room: ['room'], Hilt: ['hilt'], Retrofit: ['retrofit'], Dagger: ['dagger'], Combine: ['Combine'], Expo: ['Expo'],
  Temporal: ['temporal'], 'Next.js': ['next'], 'Express.js': ['express'], Ray: ['Ray'], Segment: ['Segment'], Mode: ['Mode'],
  Luigi: ['Luigi'], Presto: ['Presto'], Iceberg: ['Iceberg'], 'Cloud Spanner': ['Spanner'], Backstage: ['Backstage'],
  Chef: ['Chef'], Nomad: ['Nomad'], Consul: ['Consul'], Packer: ['Packer'], Flux: ['Flux'], Bamboo: ['Bamboo'],
  Outlook: ['Outlook'], Sketch: ['Sketch'], 'Ruby on Rails': ['Rails'], Remix: ['Remix'], Bootstrap: ['Bootstrap'],
  Stripe: ['Stripe'], Plaid: ['Plaid'], Babel: ['Babel'], Rollup: ['Rollup'], Mocha: ['Mocha'], Jasmine: ['Jasmine'], Cucumber: ['Cucumber'], Pulsar: ['Pulsar'], DAX: ['DAX'], Zephyr: ['Zephyr'],
  Gin: ['Gin'], Unity: ['Unity'], Honeycomb: ['Honeycomb'], Loki: ['Loki'], Gong: ['Gong'], React: ['react'], 'Node.js': ['node'],
};

export const SKILLS: readonly Skill[] = T.map(([name, category, given]) => {
  const pattern = given ?? words(name);
  return { name, category, pattern, needles: NEEDLES.get(pattern) ?? HAND_NEEDLES[name] ?? null, listForms: LIST_FORMS[name] ?? [] };
});

// Spellings of the other skills that make a list a list of skills; an ambiguous word never vouches for another.
const EXTRA_MATES = ['react', 'node', 'nodejs', 'golang', 'reactjs', 'react.js', 'vue.js', 'angularjs', 'pyspark', 'apache spark', 'spring boot', 'rest', 'restful'];
// Canonical names that are also everyday words ("more or less", "epic", "unity").
const NOT_MATES = new Set(['less', 'access', 'epic', 'notion', 'gong', 'unity', 'windows', 'slack', 'miro']);

/** Lower-case spellings of unambiguous skills, for telling a list of skills from prose. */
export const LIST_MATES: ReadonlySet<string> = new Set([
  ...SKILLS.flatMap((sk) => {
    const forms = new Set(sk.listForms.map((f) => f.toLowerCase()));
    return [sk.name.toLowerCase(), ...(NEEDLES.get(sk.pattern) ?? [])].filter((n) => !forms.has(n) && !NOT_MATES.has(n));
  }),
  ...EXTRA_MATES,
]);

export const CATEGORY_ORDER: readonly SkillCategory[] = ['language', 'framework', 'cloud', 'data', 'tool'];
