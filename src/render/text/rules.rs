//! `gtm rules --list` as text: each shipped rulebook, its source, and what
//! it leaves to the tool.

use crate::render::TextOptions;
use crate::render::prose::compare::source;
use crate::render::wrap::wrap_into;
use crate::rulebook::Rulebook;

/// Text: a paragraph per rulebook.
pub fn rulebook_list(books: &[Rulebook], opts: &TextOptions) -> String {
    let width = usize::from(opts.width);
    let mut out = String::from("Shipped rulebooks (select one with --rules NAME):\n");
    for r in books {
        out.push('\n');
        let name = r.name().unwrap_or("");
        let summary = r
            .origin
            .as_ref()
            .map_or_else(|| r.title.to_string(), |o| o.summary.to_string());
        wrap_into(&mut out, &format!("{name}: {summary}"), width, "", "  ");
        out.push('\n');
        wrap_into(
            &mut out,
            &format!("Source: {}.", source(r)),
            width,
            "  ",
            "  ",
        );
        out.push('\n');
        if let Some(o) = &r.origin {
            wrap_into(&mut out, &o.ignores, width, "  ", "  ");
            out.push('\n');
            wrap_into(&mut out, &o.reading, width, "  ", "  ");
            out.push('\n');
        }
    }
    out
}
