//! The edge between the command line and the library: each command reads
//! its inputs, calls the engine, picks a renderer and returns an
//! [`Outcome`]; main prints it. One file per subcommand.

mod check;
mod checklist;
mod compare;
mod completions;
mod context;
mod diff;
mod explain;
mod git;
mod init;
mod input;
mod interview;
mod load;
mod man;
mod outcome;
mod pql;
mod recommend;
mod report;
mod rules;
mod schema;
mod walk;
mod what_if;
mod write;

use crate::exit::Status;
use gtm_advisor::engine::gate::GateOptions;

pub use context::Context;
pub use outcome::{Late, Outcome};

use crate::cli::{
    CheckArgs, ChecklistArgs, Cli, Command, CompareArgs, CompletionsArgs, DenyLevel, DiffArgs,
    ExplainArgs, InitArgs, InterviewArgs, Lazy, ManArgs, RecommendArgs, ReportArgs, RulesArgs,
    WhatIfArgs,
};

/// Runs the command and reports what it produced.
pub fn run(cli: &Cli) -> Outcome {
    let ctx = match Context::resolve(cli) {
        Ok(ctx) => ctx,
        Err(errors) => return Outcome::failed_with(errors),
    };
    let Some(command) = &cli.command else {
        if interview::attended() {
            return interview::run(None, None, &ctx);
        }
        let help = crate::cli::command().render_long_help().to_string();
        return Outcome {
            notes: vec![help],
            status: Status::Invalid,
            ..Outcome::default()
        };
    };
    match command {
        Command::Interview(Lazy(InterviewArgs { save, from, .. })) => {
            interview::run(save.as_deref(), from.as_deref(), &ctx)
        }
        Command::Recommend(Lazy(RecommendArgs {
            files,
            format,
            sort,
            brief,
            walk,
            ..
        })) => recommend::run(files, *format, *sort, *brief, walk.verbose, ctx),
        Command::Explain(Lazy(ExplainArgs { file, format, .. })) => {
            explain::run(file, *format, &ctx)
        }
        Command::Checklist(Lazy(ChecklistArgs { motion, format, .. })) => {
            checklist::run(*motion, *format, &ctx)
        }
        Command::Init(Lazy(InitArgs { file })) => init::run(file),
        Command::Report(Lazy(ReportArgs {
            files,
            out,
            format,
            title,
            author,
            date,
            force,
            walk,
            events,
            preset,
            map,
            ..
        })) => {
            let request = report::Request {
                target: out,
                format: *format,
                force: *force,
                meta: report::meta(title, author, date),
                events,
                preset: *preset,
                map,
            };
            report::run(files, request, walk.verbose, &ctx)
        }
        Command::WhatIf(Lazy(WhatIfArgs {
            file, set, format, ..
        })) => what_if::run(file, set, *format, &ctx),
        Command::Check(Lazy(CheckArgs {
            paths,
            format,
            deny,
            allow,
            require_checklist,
            walk,
            quiet,
            baseline,
            baseline_ref,
            ..
        })) => {
            let opts = GateOptions {
                deny_warnings: deny.contains(&DenyLevel::Warnings),
                allow: allow.clone(),
                require_checklist: *require_checklist,
                deny_motion_changed: deny.contains(&DenyLevel::MotionChanged),
            };
            let baseline = match (baseline, baseline_ref) {
                (Some(file), _) => check::BaselineArg::File(file.clone()),
                (None, Some(rev)) => check::BaselineArg::Ref(rev.clone()),
                (None, None) => check::BaselineArg::None,
            };
            check::run(paths, *format, &opts, &baseline, walk.verbose, *quiet, ctx)
        }
        Command::Completions(Lazy(CompletionsArgs { shell })) => completions::run(*shell),
        Command::Man(Lazy(ManArgs {
            command,
            out,
            force,
        })) => man::run(command.as_deref(), out.as_deref(), *force),
        Command::Schema(_) => schema::run(&ctx),
        Command::Rules(Lazy(RulesArgs { list, format, .. })) => rules::run(*list, *format, &ctx),
        Command::Compare(Lazy(CompareArgs { file, format, .. })) => {
            compare::run(file, *format, &ctx)
        }
        Command::Diff(Lazy(DiffArgs {
            old, new, format, ..
        })) => diff::run(old, new, *format, &ctx),
        Command::Pql(Lazy(a)) => {
            let request = pql::Request {
                profile: &a.profile,
                events: &a.events,
                preset: a.preset,
                map: &a.map,
                as_of: a.as_of.as_deref(),
                strict: a.strict,
                top: a.top,
                format: a.format,
                sql: a.sql,
                table: &a.table,
            };
            pql::run(&request, &ctx)
        }
    }
}
