//! Capitalised words that are systems, products, places or dates, never
//! people: "Kafka dropped messages", "Frankfurt went offline", "Friday broke
//! our assumptions". Checked before the name lists, so "Virginia" the region
//! and "Travis" the build service are not taken for people (a participant of
//! that name still is). The document adds its own: see
//! [`super::people::People`].

/// Sorted, for a binary search.
pub(crate) const SYSTEMS: &[&str] = &[
    "ach", "adyen", "africa", "airflow", "akamai", "aks", "alb", "alertmanager", "algolia",
    "america", "americas", "amex", "amplitude", "amsterdam", "android", "angular", "ansible",
    "apac", "apache", "appdynamics", "april", "argo", "arizona", "artifactory", "asia", "athena",
    "athens", "atlanta", "auckland", "august", "aurora", "austin", "auth0", "aws", "azure",
    "babel", "bahrain", "bamboo", "bangalore", "bangkok", "bazel", "beam", "beijing", "bengaluru",
    "berlin", "bigquery", "bitbucket", "bogota", "boston", "braintree", "brisbane", "brussels",
    "bucharest", "budapest", "bugsnag", "buildkite", "bun", "caddy", "cairo", "calico",
    "california", "capetown", "cargo", "carolina", "cassandra", "celery", "centos", "ceph", "cest",
    "cet", "chai", "chef", "chennai", "chicago", "christmas", "chrome", "cilium", "clickhouse",
    "cloudflare", "cloudfront", "cloudtrail", "cloudwatch", "cmake", "concourse", "confluence",
    "consul", "copenhagen", "cortex", "cosmos", "crossplane", "cucumber", "cypress", "dagster",
    "dakota", "dallas", "databricks", "datadog", "db2", "debian", "december", "delhi", "deno",
    "denver", "dependabot", "diwali", "django", "docker", "doha", "dotnet", "drone", "druid",
    "dubai", "dublin", "dynamo", "dynamodb", "dynatrace", "easter", "ec2", "ecs", "edge", "edt",
    "eid", "eks", "elastic", "elasticsearch", "elb", "elixir", "ember", "emea", "envoy", "erlang",
    "esbuild", "est", "etcd", "europe", "express", "fargate", "fastapi", "fastly", "february",
    "fedora", "firefox", "flannel", "flask", "flink", "florida", "fluentbit", "fluentd", "flux",
    "frankfurt", "freshdesk", "friday", "gatsby", "gcp", "geneva", "georgia", "gerrit", "github",
    "gitlab", "gke", "gluster", "gmt", "god", "golang", "gradle", "grafana", "graylog", "hadoop",
    "hanoi", "haproxy", "haskell", "hbase", "helm", "helsinki", "heroku", "hive", "honeycomb",
    "houston", "hubspot", "hyderabad", "iam", "icinga", "illinois", "impala", "intercom", "ios",
    "iowa", "ist", "istanbul", "istio", "jaeger", "jakarta", "january", "jasmine", "java",
    "jenkins", "jest", "jesus", "jetty", "jira", "johannesburg", "jordan", "jst", "julia", "july",
    "june", "junit", "kafka", "karma", "keycloak", "kibana", "kinesis", "klarna", "kms", "kolkata",
    "kong", "kotlin", "kubernetes", "kudu", "kyiv", "lagos", "lambda", "laravel", "latam",
    "launchdarkly", "lightstep", "lima", "linkerd", "linux", "lisbon", "logstash", "loki",
    "london", "lord", "lucene", "luigi", "mac", "macos", "madrid", "magento", "mailgun", "make",
    "manila", "marathon", "march", "mariadb", "mastercard", "maven", "may", "meilisearch",
    "melbourne", "memcached", "mesos", "mexico", "miami", "michigan", "milan", "mimir", "minio",
    "mixpanel", "mocha", "monday", "mongo", "mongodb", "montana", "montreal", "moscow", "mumbai",
    "mysql", "nagios", "nairobi", "nats", "netlify", "netsuite", "nevada", "newrelic", "nextjs",
    "nexus", "nginx", "nlb", "node", "nodejs", "nomad", "november", "npm", "nuxt", "oceania",
    "october", "ohio", "okta", "opensearch", "opera", "opsgenie", "optimizely", "oracle", "oregon",
    "osaka", "oslo", "packer", "pagerduty", "paris", "patroni", "paulo", "paxos", "paypal", "pdt",
    "perl", "perth", "pgbouncer", "phoenix", "php", "pinot", "pip", "plaid", "playwright", "pnpm",
    "podman", "portland", "postgres", "postgresql", "prague", "prefect", "presto", "prometheus",
    "pst", "pulsar", "pulumi", "pune", "puppet", "puppeteer", "pytest", "python", "quickbooks",
    "rabbit", "rabbitmq", "raft", "rails", "ramadan", "rancher", "raygun", "rds", "react",
    "redhat", "redis", "redshift", "remix", "renovate", "riga", "riyadh", "rollbar", "rome",
    "rook", "route53", "rspec", "ruby", "rust", "s3", "safari", "salesforce", "salt", "saltstack",
    "santiago", "sao", "sap", "saturday", "scala", "scylla", "seattle", "segment", "selenium",
    "sendgrid", "sensu", "sentry", "seoul", "sepa", "september", "shanghai", "shenzhen", "shopify",
    "singapore", "slack", "snowflake", "sns", "snyk", "solr", "sonar", "spanner", "spark",
    "spinnaker", "splunk", "spring", "sqs", "square", "statuspage", "stockholm", "storm", "stripe",
    "sumo", "sunday", "svelte", "swift", "swiftui", "sybase", "sydney", "taipei", "tallinn",
    "teams", "tekton", "telaviv", "tempo", "teradata", "terraform", "texas", "thanksgiving",
    "thanos", "thursday", "tokyo", "tomcat", "toronto", "traefik", "travis", "trino", "tuesday",
    "twilio", "typesense", "ubuntu", "utah", "utc", "vagrant", "vancouver", "varnish", "vault",
    "vector", "velero", "vercel", "victoriaops", "vienna", "vilnius", "virginia", "visa", "vite",
    "vitess", "vpc", "vue", "warsaw", "washington", "weave", "webpack", "wednesday", "windows",
    "workday", "xero", "yarn", "zabbix", "zendesk", "zipkin", "zookeeper", "zoom", "zurich",
];

pub(crate) fn is_system(word: &str) -> bool {
    SYSTEMS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted_for_lookup() {
        assert!(super::SYSTEMS.windows(2).all(|w| w[0] < w[1]));
    }
}
