//! The criteria as one SQL query over an events table, for the engine
//! where the events already live: DuckDB, PostgreSQL, Snowflake, BigQuery.
//!
//! The query does what `tally` and `verdict` do, step for step: the same
//! rows count, the same window, the same thresholds, the same ranking; a
//! test runs it in DuckDB beside the native run. Everything that came from
//! the profile or the command line is quoted for the dialect it lands in.

use super::columns::{Columns, Role};
use super::triggers::Trigger;
use crate::motion::Motion;
use crate::profile::pql::Pql;

/// A SQL dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Dialect {
    /// DuckDB.
    Duckdb,
    /// PostgreSQL 14 or later.
    Postgres,
    /// Snowflake.
    Snowflake,
    /// Google BigQuery (standard SQL).
    Bigquery,
}

impl Dialect {
    /// The id as written on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Dialect::Duckdb => "duckdb",
            Dialect::Postgres => "postgres",
            Dialect::Snowflake => "snowflake",
            Dialect::Bigquery => "bigquery",
        }
    }

    fn ident(self, name: &str) -> String {
        match self {
            Dialect::Bigquery => format!("`{}`", name.replace('\\', "\\\\").replace('`', "\\`")),
            // Snowflake keeps unquoted names in upper case and matches quoted
            // ones exactly, so a table made the usual way (unquoted) is found
            // under its upper-case name.
            Dialect::Snowflake => format!("\"{}\"", name.to_uppercase().replace('"', "\"\"")),
            _ => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }

    fn string(self, text: &str) -> String {
        match self {
            // Both read backslash escapes inside quotes.
            Dialect::Bigquery | Dialect::Snowflake => {
                format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
            }
            // An escape string reads the same whatever
            // standard_conforming_strings says.
            Dialect::Postgres => {
                format!("E'{}'", text.replace('\\', "\\\\").replace('\'', "''"))
            }
            Dialect::Duckdb => format!("'{}'", text.replace('\'', "''")),
        }
    }

    /// How text compares in `MIN` and `ORDER BY`: byte order, as gtm pql
    /// compares, whatever the database's collation.
    fn bytewise(self) -> &'static str {
        match self {
            Dialect::Postgres => " COLLATE \"C\"",
            _ => "",
        }
    }

    /// Milliseconds since 1970 of a timestamp column.
    fn epoch_ms(self, column: &str) -> String {
        match self {
            // Whatever the session's TimeZone: a TIMESTAMP column is UTC.
            Dialect::Duckdb => format!("epoch_ms({column})"),
            Dialect::Postgres => {
                format!("CAST(FLOOR(EXTRACT(EPOCH FROM {column}) * 1000) AS BIGINT)")
            }
            Dialect::Snowflake => format!("DATE_PART(EPOCH_MILLISECOND, {column})"),
            Dialect::Bigquery => format!("UNIX_MILLIS(CAST({column} AS TIMESTAMP))"),
        }
    }

    /// The part of an email after its last `@`.
    fn domain_of(self, column: &str) -> String {
        match self {
            Dialect::Duckdb => format!("regexp_extract({column}, '@([^@]*)$', 1)"),
            Dialect::Postgres => format!("substring({column} from '@([^@]*)$')"),
            Dialect::Snowflake => format!("REGEXP_SUBSTR({column}, '@([^@]*)$', 1, 1, 'e', 1)"),
            Dialect::Bigquery => format!("REGEXP_EXTRACT({column}, r'@([^@]*)$')"),
        }
    }

    fn text_type(self) -> &'static str {
        match self {
            Dialect::Bigquery => "STRING",
            _ => "VARCHAR",
        }
    }
}

/// A table name that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError(pub String);

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TableError {}

/// The table, quoted: one to three dot-separated names of letters, digits,
/// `_`, `$` and `-`.
fn table(dialect: Dialect, name: &str) -> Result<String, TableError> {
    let parts: Vec<&str> = name.split('.').collect();
    let good = |p: &&str| {
        !p.is_empty()
            && p.len() <= 128
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'-'))
    };
    if parts.len() > 3 || !parts.iter().all(good) {
        return Err(TableError(format!(
            "`{}` is not a table name; write one to three names joined by dots (e.g. events, analytics.events, project.dataset.events) of letters, digits, _, $ and -",
            crate::diagnostic::echo(name)
        )));
    }
    Ok(match dialect {
        Dialect::Bigquery => dialect.ident(name),
        _ => parts
            .iter()
            .map(|p| dialect.ident(p))
            .collect::<Vec<_>>()
            .join("."),
    })
}

fn in_list(dialect: Dialect, column: &str, names: &[String]) -> String {
    if names.is_empty() {
        return "1 = 0".into();
    }
    let list: Vec<String> = names.iter().map(|n| dialect.string(n)).collect();
    format!("{column} IN ({})", list.join(", "))
}

/// `domain` is one of `domains` or a subdomain of one.
fn domain_in(dialect: Dialect, domains: &[String]) -> String {
    if domains.is_empty() {
        return "1 = 0".into();
    }
    let each: Vec<String> = domains
        .iter()
        .map(|d| {
            format!(
                "domain = {} OR domain LIKE {}",
                dialect.string(d),
                dialect.string(&format!("%.{d}"))
            )
        })
        .collect();
    format!("domain IS NOT NULL AND ({})", each.join(" OR "))
}

/// The column each trigger's first time lands in.
pub fn at_column(t: Trigger) -> String {
    format!("{}_at", t.id().replace('-', "_"))
}

fn who_acts(motion: Motion) -> String {
    let routed = "(activated OR account_based_at IS NOT NULL)";
    match motion {
        Motion::SelfServe => "'in-product'".into(),
        Motion::Plg => format!(
            "CASE WHEN {routed} AND (account_based_at IS NOT NULL OR team_usage_at IS NOT NULL OR usage_limit_at IS NOT NULL) THEN 'light-touch' ELSE 'in-product' END"
        ),
        Motion::Hybrid => format!("CASE WHEN {routed} THEN 'sales-assist' ELSE 'in-product' END"),
        Motion::SalesLed | Motion::Enterprise => {
            format!("CASE WHEN {routed} THEN 'account-executive' ELSE 'in-product' END")
        }
    }
}

/// What the query needs besides the criteria.
pub struct Query<'a> {
    /// The dialect.
    pub dialect: Dialect,
    /// The events table.
    pub table: &'a str,
    /// Its columns.
    pub columns: &'a Columns,
    /// "Now" in ms; `None` for the newest event.
    pub as_of: Option<i64>,
    /// The motion who-acts follows.
    pub motion: Motion,
    /// A line for the header comment (the profile's name and file).
    pub title: &'a str,
}

/// The query.
pub fn query(q: &Query<'_>, pql: &Pql) -> Result<String, TableError> {
    let d = q.dialect;
    let table = table(d, q.table)?;
    let col = |r: Role| d.ident(q.columns.path(r));
    let text = d.text_type();
    let (ts, account, user, event, email, plan) = (
        col(Role::Timestamp),
        col(Role::Account),
        col(Role::User),
        col(Role::Event),
        col(Role::Email),
        col(Role::Plan),
    );
    let as_of = match q.as_of {
        Some(ms) => format!("CAST({ms} AS BIGINT)"),
        None => "(SELECT MAX(ts_ms) FROM base)".into(),
    };
    let int = match d {
        Dialect::Bigquery => "INT64",
        _ => "BIGINT",
    };
    let as_of = as_of.replace("BIGINT", int);
    let title: String = q
        .title
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let window = pql.window_ms();
    let kinds = [
        (Trigger::UsageLimit, &pql.limit_events),
        (Trigger::Intent, &pql.intent_events),
        (Trigger::EnterpriseNeed, &pql.enterprise_events),
    ];
    let mut kind_columns = String::new();
    for (t, names) in kinds {
        kind_columns.push_str(&format!(
            ",\n    MIN(CASE WHEN w = 1 AND {} THEN ts_ms END) AS {}",
            in_list(d, "event", names),
            at_column(t)
        ));
    }
    let listed: Vec<String> = Trigger::ALL
        .iter()
        .map(|t| {
            format!(
                "CASE WHEN {} IS NOT NULL THEN ',{}' ELSE '' END",
                at_column(*t),
                t.id()
            )
        })
        .collect();
    let counted: Vec<String> = Trigger::ALL
        .iter()
        .map(|t| format!("CASE WHEN {} IS NOT NULL THEN 1 ELSE 0 END", at_column(*t)))
        .collect();
    let at_list: Vec<String> = Trigger::ALL.iter().map(|t| at_column(*t)).collect();
    let sql = format!(
        "-- PQL criteria of {title} (motion: {motion}), written by gtm pql --sql {dialect}.
-- One row per account that fired a trigger, ranked as gtm pql ranks them.
-- Times are milliseconds since 1970 UTC. Window: {window_text} ({window} ms).
WITH base AS (
  SELECT
    {ts_ms} AS ts_ms,
    TRIM(CAST({account} AS {text})) AS account,
    TRIM(CAST({user} AS {text})) AS user_id,
    TRIM(CAST({event} AS {text})) AS event,
    NULLIF(LOWER({domain}), '') AS domain,
    LOWER(TRIM(CAST({plan} AS {text}))) AS plan
  FROM {table}
  WHERE {ts} IS NOT NULL
    AND TRIM(CAST({account} AS {text})) <> ''
    AND TRIM(CAST({user} AS {text})) <> ''
    AND TRIM(CAST({event} AS {text})) <> ''
    AND ({plan} IS NULL OR LOWER(TRIM(CAST({plan} AS {text}))) IN ('free', 'paid', ''))
),
now_ms AS (
  SELECT {as_of} AS as_of
),
counted AS (
  SELECT base.*, CASE WHEN ts_ms >= now_ms.as_of - {window} THEN 1 ELSE 0 END AS w
  FROM base CROSS JOIN now_ms
  WHERE ts_ms <= now_ms.as_of
    AND NOT COALESCE({excluded}, 1 = 0)
),
accounts AS (
  SELECT
    account,
    MIN(domain{bytewise}) AS domain,
    MAX(CASE WHEN {activation} THEN 1 ELSE 0 END) = 1 AS activated,
    MAX(CASE WHEN plan IN ('free', 'paid') THEN ts_ms * 2 + CASE WHEN plan = 'paid' THEN 1 ELSE 0 END END) AS plan_key,
    SUM(w) AS events,
    COUNT(DISTINCT CASE WHEN w = 1 THEN user_id END) AS users,
    MIN(CASE WHEN w = 1 AND COALESCE({targets}, 1 = 0) THEN ts_ms END) AS account_based_at{kind_columns}
  FROM counted
  GROUP BY account
),
user_first AS (
  SELECT account, user_id, MIN(ts_ms) AS first_ms
  FROM counted
  WHERE w = 1
  GROUP BY account, user_id
),
user_ranked AS (
  SELECT account, first_ms, ROW_NUMBER() OVER (PARTITION BY account ORDER BY first_ms) AS n
  FROM user_first
),
users_at AS (
  SELECT
    account,
    MAX(CASE WHEN n = {team} THEN first_ms END) AS team_usage_at,
    MAX(CASE WHEN n = {active} THEN first_ms END) AS active_users_at
  FROM user_ranked
  GROUP BY account
),
event_ranked AS (
  SELECT account, ts_ms, ROW_NUMBER() OVER (PARTITION BY account ORDER BY ts_ms) AS n
  FROM counted
  WHERE w = 1
),
engaged_at AS (
  SELECT account, MAX(ts_ms) AS engaged_at
  FROM event_ranked
  WHERE n = {engaged}
  GROUP BY account
),
fired AS (
  SELECT
    a.account, a.domain, a.activated, a.users, a.events,
    a.account_based_at,
    u.team_usage_at,
    u.active_users_at,
    a.usage_limit_at,
    a.intent_at,
    a.enterprise_need_at,
    CASE WHEN a.plan_key IS NOT NULL AND MOD(a.plan_key, 2) = 0 THEN e.engaged_at END AS engaged_free_at
  FROM accounts a
  LEFT JOIN users_at u ON u.account = a.account
  LEFT JOIN engaged_at e ON e.account = a.account
),
listed AS (
  SELECT
    fired.*,
    SUBSTR({listed}, 2) AS triggers,
    {counted} AS trigger_count,
    {who_acts} AS who_acts
  FROM fired
)
SELECT account, domain, activated, users, events, triggers, who_acts, {at_list}
FROM listed
WHERE trigger_count > 0
ORDER BY CASE WHEN who_acts = 'in-product' THEN 1 ELSE 0 END, trigger_count DESC, events DESC, account{bytewise};
",
        motion = q.motion.id(),
        bytewise = d.bytewise(),
        dialect = d.id(),
        window_text = pql
            .window_text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>(),
        ts_ms = d.epoch_ms(&ts),
        domain = d.domain_of(&format!("TRIM(CAST({email} AS {text}))")),
        excluded = domain_in(d, &pql.exclude_domains),
        targets = domain_in(d, &pql.target_domains),
        activation = in_list(d, "event", &pql.activation_events),
        team = pql.team_users,
        active = pql.active_users,
        engaged = pql.engaged_events,
        listed = listed.join("\n      || "),
        counted = counted.join(" + "),
        who_acts = who_acts(q.motion),
        at_list = at_list.join(", "),
    );
    Ok(sql)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sql(d: Dialect, pql: &Pql) -> String {
        let columns = Columns::default();
        let q = Query {
            dialect: d,
            table: "events",
            columns: &columns,
            as_of: None,
            motion: Motion::Hybrid,
            title: "P",
        };
        query(&q, pql).unwrap()
    }

    #[test]
    fn names_from_the_profile_are_quoted_for_each_dialect() {
        let pql = Pql {
            intent_events: vec!["it's".into(), "a\\' OR 1=1 --".into()],
            ..Pql::default()
        };
        assert!(sql(Dialect::Duckdb, &pql).contains("'it''s', 'a\\'' OR 1=1 --'"));
        assert!(sql(Dialect::Postgres, &pql).contains("E'it''s', E'a\\\\'' OR 1=1 --'"));
        assert!(sql(Dialect::Snowflake, &pql).contains("'it\\'s', 'a\\\\\\' OR 1=1 --'"));
        assert!(sql(Dialect::Bigquery, &pql).contains("'it\\'s'"));
        assert!(sql(Dialect::Bigquery, &pql).contains("`user`"));
        assert!(sql(Dialect::Postgres, &pql).contains("\"user\""));
        assert!(sql(Dialect::Snowflake, &pql).contains("\"USER\""));
    }

    #[test]
    fn table_names_are_checked_and_quoted() {
        assert_eq!(
            table(Dialect::Postgres, "analytics.events").unwrap(),
            "\"analytics\".\"events\""
        );
        assert_eq!(
            table(Dialect::Bigquery, "my-proj.ds.events").unwrap(),
            "`my-proj.ds.events`"
        );
        for bad in [
            "",
            "a.b.c.d",
            "events; DROP TABLE x",
            "a..b",
            "ev\"ents",
            "read_csv('x')",
        ] {
            assert!(table(Dialect::Duckdb, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_empty_event_list_matches_nothing() {
        let pql = Pql {
            limit_events: vec![],
            ..Pql::default()
        };
        assert!(
            sql(Dialect::Duckdb, &pql)
                .contains("MIN(CASE WHEN w = 1 AND 1 = 0 THEN ts_ms END) AS usage_limit_at")
        );
    }
}
