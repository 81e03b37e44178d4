//! `gtm recommend`: one profile's result, or a portfolio of many (a table,
//! CSV, a JSON array or Markdown), streamed so memory stays flat.

use std::io::Write;
use std::path::PathBuf;

use gtm_advisor::Motion;
use gtm_advisor::engine::assess::Detail;
use gtm_advisor::render::{self, Evaluated, RecommendFormat, Row};
use gtm_advisor::spool::Spool;

use rayon::prelude::*;

use super::context::Context;
use super::input::is_stdin;
use super::load::{
    CHUNK, Evaluation, LoadFailure, each_file, evaluate, evaluate_with, stream_files, successes,
    summarize,
};
use super::outcome::{Late, Outcome};
use super::walk::{Target, Walk, expand};
use crate::cli::SortKey;

/// Orders results by name, ACV or motion (then name); stable, so ties keep their order.
pub fn sort_by_key<T>(
    items: &mut [T],
    sort: Option<SortKey>,
    key: impl Fn(&T) -> (&str, f64, Motion),
) {
    match sort {
        None => {}
        Some(SortKey::Name) => items.sort_by(|a, b| key(a).0.cmp(key(b).0)),
        Some(SortKey::Acv) => items.sort_by(|a, b| key(a).1.total_cmp(&key(b).1)),
        Some(SortKey::Motion) => {
            items.sort_by(|a, b| key(a).2.cmp(&key(b).2).then_with(|| key(a).0.cmp(key(b).0)))
        }
    }
}

/// Runs `gtm recommend` on the files and directories in `args`.
pub fn run(
    args: &[PathBuf],
    format: RecommendFormat,
    sort: Option<SortKey>,
    brief: bool,
    verbose: bool,
    ctx: Context,
) -> Outcome {
    let rules = ctx.rules;
    let mut out = Outcome::default();
    if brief && format != RecommendFormat::Text {
        return Outcome::failed(
            "--brief shortens the text result; drop it for --format csv, json or markdown"
                .to_string(),
        );
    }
    if args.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Outcome::failed("`-` (standard input) can be given only once".to_string());
    }
    let walk = match expand(args, &mut out.notes) {
        Ok(walk) => walk,
        Err(message) => return Outcome::failed(message),
    };
    let files = &walk.targets;
    let portfolio = files.len() > 1 || !walk.dirs.is_empty();

    // Reading and scoring are independent per file; rayon keeps the order.
    if matches!(format, RecommendFormat::Text | RecommendFormat::Csv) && portfolio
        || format == RecommendFormat::Csv
    {
        // A table or CSV needs one small row per profile, not the whole
        // assessment, which keeps memory flat for large portfolios.
        let rows = each_file(files, |f| summarize(f, &ctx));
        let unread = rows
            .iter()
            .filter(|r| matches!(r, Err(f) if !f.not_profile()))
            .count();
        let mut rows = successes(rows, &walk, verbose, &mut out);
        if rows.is_empty() {
            return out;
        }
        sort_by_key(&mut rows, sort, |r| {
            (r.name.as_str(), r.acv.dollars(), r.brief.motion)
        });
        match format {
            RecommendFormat::Csv => out.stdout = render::csv::portfolio(&rows),
            _ => {
                // The rows are small; the drawn table is not, so it is
                // written a block at a time rather than held.
                let opts = ctx.text;
                out.stream = Some(Box::new(move |stdout| {
                    render::text::write_portfolio(&rows, unread, rules, &opts, stdout)?;
                    Ok(Late::default())
                }));
            }
        }
        return out;
    }
    if format == RecommendFormat::Json && portfolio {
        let (order, walk) = match sort {
            None => (
                walk.targets.iter().cloned().map(Pending::File).collect(),
                Some(walk),
            ),
            // Sorting needs every key before the first element is written, so
            // a first pass scores each profile for its key alone and the
            // stream scores it again; only standard input, which cannot be
            // read twice, keeps its rendered text.
            Some(_) => {
                let keys = each_file(files, |f| {
                    evaluate(f, &ctx).map(|e| {
                        let a = &e.assessment;
                        // Standard input, a FIFO or a device cannot be read
                        // twice: keep what was rendered from the one read.
                        let once = is_stdin(&f.path)
                            || !std::fs::metadata(&f.path).is_ok_and(|m| m.is_file());
                        let pending = if once {
                            Pending::Rendered(json_element(&e))
                        } else {
                            Pending::File(f.clone())
                        };
                        (a.name.clone(), a.acv.dollars(), a.motion, pending)
                    })
                });
                let mut keys = successes(keys, &walk, verbose, &mut out);
                sort_by_key(&mut keys, sort, |(name, acv, motion, _)| {
                    (name.as_str(), *acv, *motion)
                });
                // The walk's skips were counted by this first pass.
                (keys.into_iter().map(|key| key.3).collect(), None)
            }
        };
        out.stream = Some(Box::new(move |stdout| {
            json_portfolio(order, walk.as_ref(), verbose, &ctx, stdout)
        }));
        return out;
    }
    if format == RecommendFormat::Markdown && portfolio {
        out.stream = Some(Box::new(move |stdout| {
            markdown_portfolio(&walk, verbose, sort, &ctx, stdout)
        }));
        return out;
    }
    // Only JSON shows flip points here; text and Markdown skip working them out.
    let detail = match format {
        RecommendFormat::Json => Detail::Full,
        _ => Detail::WithoutFlipPoints,
    };
    let results = each_file(files, |f| evaluate_with(f, &ctx, detail));
    let mut results = successes(results, &walk, verbose, &mut out);
    if results.is_empty() {
        return out;
    }
    sort_by_key(&mut results, sort, |e| {
        (
            e.assessment.name.as_str(),
            e.assessment.acv.dollars(),
            e.assessment.motion,
        )
    });
    let evaluated: Vec<Evaluated<'_>> = results.iter().map(Evaluation::view).collect();
    out.stdout = match (format, portfolio) {
        (RecommendFormat::Text, false) if brief => {
            let file = (!is_stdin(&walk.targets[0].path)).then_some(evaluated[0].file);
            render::text::brief(evaluated[0].assessment, rules, &ctx.text, file)
        }
        (RecommendFormat::Text, false) => {
            render::text::assessment(evaluated[0].assessment, rules, &ctx.text)
        }
        (RecommendFormat::Json, false) => render::json::assessment(&evaluated[0]),
        (RecommendFormat::Markdown, false) => {
            render::markdown::assessment(evaluated[0].assessment, rules)
        }
        (_, _) => render::markdown::portfolio(&evaluated, rules),
    };
    out
}

/// The Markdown portfolio: each profile's section is rendered once and held
/// in a [`Spool`] while the small rows of the table gather; then the table
/// (sorted if asked) and the sections in the table's order are written.
fn markdown_portfolio(
    walk: &Walk,
    verbose: bool,
    sort: Option<SortKey>,
    ctx: &Context,
    stdout: &mut dyn Write,
) -> std::io::Result<Late> {
    let rules = ctx.rules;
    let mut spool = Spool::new();
    let mut rows = Vec::new();
    let late = stream_files(
        walk,
        verbose,
        Detail::WithoutFlipPoints,
        ctx,
        |e| {
            let row = Row::new(&e.file, &e.assessment);
            (
                row,
                render::markdown::portfolio_section(&e.assessment, rules),
            )
        },
        |(row, section)| {
            rows.push((row, spool.section(&section)?));
            Ok(())
        },
    )?;
    sort_by_key(&mut rows, sort, |(r, _)| {
        (r.name.as_str(), r.acv.dollars(), r.brief.motion)
    });
    if !rows.is_empty() {
        let table: Vec<&Row> = rows.iter().map(|(r, _)| r).collect();
        stdout
            .write_all(render::markdown::portfolio_table(&table, late.unread, rules).as_bytes())?;
        let mut sections = spool.reader()?;
        for (_, section) in &rows {
            sections.copy(*section, stdout)?;
        }
    }
    // Any error makes the exit status 2 (main sees to it).
    Ok(late)
}

/// A profile still to be written into a JSON portfolio.
enum Pending {
    /// To be read and scored when its turn comes.
    File(Target),
    /// Already rendered, because it cannot be read again.
    Rendered(String),
}

/// One evaluation as an element of the JSON portfolio array.
fn json_element(e: &Evaluation) -> String {
    render::json::array_element(&e.view())
}

/// Writes the JSON array of `order`, scoring a chunk of profiles in
/// parallel and writing it before the next is read, so memory stays flat
/// however many profiles there are. `walk` is the walk `order` is, file for
/// file, when its skips are still to be counted.
fn json_portfolio(
    order: Vec<Pending>,
    walk: Option<&Walk>,
    verbose: bool,
    ctx: &Context,
    stdout: &mut dyn Write,
) -> std::io::Result<Late> {
    let mut late = Late::default();
    let mut not_profile = Vec::with_capacity(order.len());
    let mut array = render::json::ArrayWriter::new(stdout);
    for chunk in order.chunks(CHUNK) {
        let elements: Vec<Result<String, LoadFailure>> = chunk
            .par_iter()
            .map(|pending| match pending {
                Pending::File(f) => evaluate(f, ctx).map(|e| json_element(&e)),
                Pending::Rendered(text) => Ok(text.clone()),
            })
            .collect();
        for element in elements {
            not_profile.push(matches!(&element, Err(f) if f.not_profile()));
            match element {
                Ok(text) => array.element(&text)?,
                Err(failure) => late.errors.extend(failure.lines()),
            }
        }
    }
    array.finish()?;
    if let Some(walk) = walk {
        let (notes, errors) = walk.finish(&not_profile, verbose);
        late.notes.extend(notes);
        late.errors.extend(errors);
    }
    // Any error makes the exit status 2 (main sees to it).
    Ok(late)
}
