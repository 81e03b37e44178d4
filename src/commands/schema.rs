//! `gtm schema`: the JSON Schema of the profile format, for editors.

use super::context::Context;
use super::outcome::Outcome;

/// Runs `gtm schema`.
pub fn run(ctx: &Context) -> Outcome {
    let schema = gtm_advisor::profile::schema::profile_schema(ctx.rules);
    let mut stdout = serde_json::to_string_pretty(&schema).unwrap_or_default();
    stdout.push('\n');
    Outcome::printed(stdout)
}
