//! The client report: one self-contained HTML page (inline CSS and SVG, no
//! scripts, nothing fetched) or a Markdown document, for one profile or a
//! portfolio. It is written to be read on paper as well as on screen.

mod opinions;
mod signals;
pub use opinions::second_opinions;
pub use signals::signals;

use crate::diagnostic::printable;
use std::fmt::Write as _;

use super::escape::escape_markup;
use super::meta::ReportMeta;
use super::prose::{band_range, factor_rows, profile_reasoning, progress};
use super::{Evaluated, Row, percent};
use crate::engine::assess::Assessment;
use crate::motion::Motion;
use crate::rulebook::{Rulebook, Text};

const COLOURS: [&str; 5] = ["#2a9d8f", "#57b894", "#e9c46a", "#f4a261", "#e76f51"];
const WIDTH: f64 = 640.0;
const SEGMENT: f64 = WIDTH / 5.0;

/// Where a result sits on the spectrum: the middle of its motion's segment,
/// drawn a quarter of the way toward its ACV band when it moved from it, so
/// a move reads at a glance.
fn position(band: Motion, motion: Motion) -> f64 {
    let band = band.rank() as f64;
    let motion = motion.rank() as f64;
    (motion + 0.5 + (band - motion).clamp(-1.0, 1.0) * 0.25) * SEGMENT
}

fn segments(rules: &Rulebook, top: f64, height: f64) -> String {
    let mut svg = String::new();
    for (i, m) in Motion::ALL.iter().enumerate() {
        let x = i as f64 * SEGMENT;
        let _ = write!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{top}\" width=\"{SEGMENT:.1}\" height=\"{height}\" fill=\"{}\" opacity=\"0.85\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"seg\">{}</text>",
            COLOURS[i],
            x + SEGMENT / 2.0,
            top + height + 16.0,
            escape_markup(
                &rules
                    .motion(*m)
                    .name
                    .replace(" (product-led sales)", "")
                    .replace(" (PLG)", "")
            )
        );
    }
    svg
}

/// One profile's place on the five-motion spectrum.
fn spectrum(a: &Assessment, rules: &Rulebook) -> String {
    let x = position(a.acv_band(), a.motion);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spectrum\" viewBox=\"0 0 {WIDTH} 86\" role=\"img\" aria-label=\"{name} on the spectrum from self-serve to enterprise: {motion}\">\
         <text x=\"0\" y=\"12\" class=\"axis\">more product-led</text><text x=\"{WIDTH}\" y=\"12\" text-anchor=\"end\" class=\"axis\">more sales-led</text>\
         {segs}<polygon points=\"{l:.1},18 {r:.1},18 {x:.1},32\" fill=\"#222\"/><line x1=\"{x:.1}\" y1=\"32\" x2=\"{x:.1}\" y2=\"56\" stroke=\"#222\" stroke-width=\"3\"/></svg>",
        name = escape_markup(&printable(&a.name)),
        motion = escape_markup(&rules.motion(a.motion).name),
        segs = segments(rules, 26.0, 30.0),
        l = x - 7.0,
        r = x + 7.0,
    )
}

/// Every profile of a portfolio on the spectrum, stacked in its motion's column.
fn portfolio_chart(rows: &[Row], rules: &Rulebook) -> String {
    const ROW: f64 = 16.0;
    const SHOWN: usize = 40;
    let columns: Vec<Vec<&Row>> = Motion::ALL
        .iter()
        .map(|m| rows.iter().filter(|r| r.brief.motion == *m).collect())
        .collect();
    let tallest = columns
        .iter()
        .map(|c| c.len().min(SHOWN + 1))
        .max()
        .unwrap_or(0) as f64;
    let height = 60.0 + tallest * ROW;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" aria-label=\"Each profile on the spectrum from self-serve to enterprise\">{}",
        segments(rules, 0.0, 22.0)
    );
    for (i, column) in columns.iter().enumerate() {
        for (j, r) in column.iter().take(SHOWN).enumerate() {
            let y = 54.0 + j as f64 * ROW;
            let x = position(r.brief.acv_band, r.brief.motion);
            let label = match r.name.char_indices().nth(15) {
                Some((cut, _)) if r.name.chars().count() > 16 => format!("{}…", &r.name[..cut]),
                _ => r.name.clone(),
            };
            // Labels near the right edge go to the left of their dot, so none is cut off.
            let (lx, anchor) = if x > WIDTH - 110.0 {
                (x - 7.0, "end")
            } else {
                (x + 7.0, "start")
            };
            let _ = write!(
                svg,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"{}\" stroke=\"#222\"/><text x=\"{lx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" class=\"dot\">{}</text>",
                COLOURS[i],
                y + 4.0,
                escape_markup(&printable(&label))
            );
        }
        if column.len() > SHOWN {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"dot\">and {} more</text>",
                i as f64 * SEGMENT + 8.0,
                58.0 + SHOWN as f64 * ROW,
                column.len() - SHOWN
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

const STYLE: &str = "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#222;max-width:52rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.3rem;border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}\
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}.meta,.role,.axis,.seg,.dot{color:#555}.motion{color:#1d5f8a}\
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .45rem;text-align:left;vertical-align:top}\
th{background:#f3f3f3}.lean-product{color:#1f7a5a}.lean-sales{color:#a84a1c}svg{width:100%;height:auto;display:block;margin:.6rem 0}\
.axis,.seg,.dot{font-size:11px;fill:#333}.conflict,.finding{border-left:4px solid #e76f51;padding:.2rem .7rem;margin:.5rem 0;background:#fdf3ef}\
.finding.warning{border-color:#e9c46a;background:#fdf9ec}.checklist{list-style:none;padding-left:0}.checklist li{margin:.2rem 0}\
.checklist li::before{content:'\\2610  '}h4{font-size:.95rem;margin:.8rem 0 .2rem}.checklist li.done::before{content:'\\2611  '}code{font-size:.85em}\
footer{margin-top:3rem;font-size:.85rem;color:#555}\
@media print{body{margin:0;max-width:none;font-size:11pt}section.profile{break-before:page}h2,h3{break-after:avoid}table,.conflict,.finding,svg{break-inside:avoid}}";

/// Text for HTML element content: escaped, and each `code` span in it
/// (the rulebook writes ids and keys so) shown as `<code>`, as Markdown
/// would, rather than with literal backticks.
fn prose(text: &str) -> String {
    let escaped = escape_markup(text);
    // Backticks pair up in order; an odd last one stays as it is.
    let paired = escaped.matches('`').count() / 2 * 2;
    let mut out = String::with_capacity(escaped.len() + 16);
    let mut seen = 0;
    for c in escaped.chars() {
        if c == '`' && seen < paired {
            out.push_str(if seen % 2 == 0 { "<code>" } else { "</code>" });
            seen += 1;
        } else {
            out.push(c);
        }
    }
    out
}

/// A name from a profile as HTML: escaped, taken as text (a backtick is a
/// backtick, not code), and isolated, so a bidirectional override in it
/// cannot reorder the motion beside it.
fn name(text: &str) -> String {
    format!("<bdi>{}</bdi>", escape_markup(text))
}

/// One profile's section of the HTML report; `index` is its anchor. It is
/// written for the client: no profile keys, ids or command lines.
/// `extra` is HTML placed at the end of the section (the second opinions).
pub fn profile_section(r: &Evaluated<'_>, rules: &Rulebook, index: usize, extra: &str) -> String {
    use super::prose::{
        confidence_for_client, flip_sentence_for_client, plain_value, reading_line_for_client,
        section_title,
    };
    let a = r.assessment;
    let info = rules.motion(a.motion);
    let mut out = format!(
        "<section class=\"profile\" id=\"profile-{index}\"><h2>{} <span class=\"motion\">{}</span></h2>\
         <p class=\"role\">{}</p>{}<p>{}</p><p><strong>Confidence.</strong> {}</p>",
        name(&a.name),
        prose(&info.name),
        prose(&info.sales_role),
        spectrum(a, rules),
        prose(&profile_reasoning(a, rules).join(" ")),
        confidence_for_client(a),
    );
    if let Some(stale) = super::prose::broken_expectation_for_client(a, rules) {
        let _ = write!(
            out,
            "<p class=\"stale\"><strong>Note.</strong> {}</p>",
            prose(&stale)
        );
    }
    out.push_str("<h3>How the answers read</h3><table><thead><tr><th>Question</th><th>Reading (the answers behind it)</th><th>Source</th></tr></thead><tbody>");
    for (i, r) in a.decision.readings.iter().enumerate() {
        let question = match r.reading {
            crate::rulebook::Reading::Product => "Can the product sell itself?",
            crate::rulebook::Reading::Buyer => "Who decides to buy?",
            crate::rulebook::Reading::Pull => "Do users already pull it in?",
        };
        let _ = write!(
            out,
            "<tr><td>{question}</td><td>{}</td><td>{}</td></tr>",
            prose(&reading_line_for_client(&a.decision, i)),
            prose(&r.source)
        );
    }
    out.push_str("</tbody></table>");
    out.push_str("<h3>The answers</h3><table><thead><tr><th>Answer</th><th>Value</th><th>Bears on</th><th>Source</th></tr></thead><tbody>");
    for row in factor_rows(a) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            prose(&row[0].replace('_', " ")),
            prose(&plain_value(&row[1])),
            prose(&row[2]),
            prose(&row[3])
        );
    }
    out.push_str("</tbody></table>");
    out.push_str("<h3>Conflicts</h3>");
    if a.conflicts().is_empty() {
        out.push_str("<p>None: no conflict the documents describe applies to these answers.</p>");
    }
    for c in a.conflicts() {
        let _ = write!(
            out,
            "<div class=\"conflict\"><p><strong>{}</strong></p><p><em>Advice:</em> {}</p><p class=\"meta\">{}</p></div>",
            prose(&c.message),
            prose(&c.advice),
            prose(&c.source)
        );
    }
    if !a.notes.is_empty() {
        out.push_str("<h3>Where the documents disagree</h3><ul>");
        for n in &a.notes {
            let _ = write!(
                out,
                "<li>{} <span class=\"meta\">({})</span></li>",
                prose(&n.message),
                prose(&Text::join(&n.sources, "; "))
            );
        }
        out.push_str("</ul>");
    }
    if !a.segments.is_empty() {
        let _ = write!(
            out,
            "<h3>Segments</h3><table><thead><tr><th>Segment</th><th>ACV</th><th>Share</th><th>Motion</th></tr></thead><tbody>"
        );
        for s in &a.segments {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                name(&s.name),
                prose(&s.acv.to_string()),
                percent(s.share),
                prose(&rules.motion(s.decision.motion).name)
            );
        }
        if a.remainder_share > 0.0 {
            let _ = write!(
                out,
                "<tr><td>The rest of revenue</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                prose(&a.acv.to_string()),
                percent(a.remainder_share),
                prose(&rules.motion(a.decision.motion).name)
            );
        }
        let _ = write!(
            out,
            "</tbody></table><p><strong>Motion mix.</strong> {}</p><p><strong>Headline.</strong> {}</p>",
            prose(&super::prose::mix_sentence(a, rules)),
            prose(&super::prose::headline_sentence(a, rules))
        );
        for (segment, conflict, advice) in super::prose::segment_conflicts(a) {
            let _ = write!(
                out,
                "<div class=\"conflict\"><p><strong>{}: {}</strong></p><p><em>Advice:</em> {}</p></div>",
                name(segment),
                prose(conflict),
                prose(advice)
            );
        }
        for h in &a.handoffs {
            let _ = write!(
                out,
                "<p><strong>Hand-off from {} to {}.</strong></p><ul>",
                prose(&rules.motion(h.from).name),
                prose(&rules.motion(h.to).name)
            );
            for (_, text, source) in &h.triggers {
                let _ = write!(
                    out,
                    "<li>{} <span class=\"meta\">({})</span></li>",
                    prose(text),
                    prose(source)
                );
            }
            out.push_str("</ul>");
        }
    }
    if !a.findings.is_empty() {
        out.push_str("<h3>Practices to change</h3>");
        for f in &a.findings {
            let _ = write!(
                out,
                "<div class=\"finding {}\"><p><strong>{}</strong></p><p><em>What to do:</em> {}</p></div>",
                f.level.id(),
                prose(&f.message),
                prose(&f.fix)
            );
        }
    }
    out.push_str("<h3>What would change the motion</h3>");
    if a.flip_points.is_empty() {
        out.push_str("<p>No single change of one answer gives another motion.</p>");
    } else {
        out.push_str("<ul>");
        for flip in &a.flip_points {
            let _ = write!(
                out,
                "<li>{}</li>",
                prose(&flip_sentence_for_client(flip, rules))
            );
        }
        out.push_str("</ul>");
    }
    let _ = write!(
        out,
        "<h3>Implementation checklist ({})</h3>",
        prose(&progress(a))
    );
    for (section, items) in super::prose::checklist_sections(a) {
        let _ = write!(
            out,
            "<h4>{}</h4><ul class=\"checklist\">",
            escape_markup(&section_title(section))
        );
        for item in items {
            let class = if item.done { " class=\"done\"" } else { "" };
            let _ = write!(out, "<li{class}>{}</li>", prose(&item.text));
        }
        out.push_str("</ul>");
    }
    out.push_str(extra);
    out.push_str("</section>");
    out
}

/// A self-contained HTML report of one profile or a portfolio.
pub fn report(results: &[Evaluated<'_>], rules: &Rulebook, meta: &ReportMeta) -> String {
    let rows: Vec<Row> = results
        .iter()
        .map(|r| Row::new(r.file, r.assessment))
        .collect();
    let mut out = head(&rows, 0, meta, rules);
    for (i, r) in results.iter().enumerate() {
        out.push_str(&profile_section(r, rules, i, ""));
    }
    out.push_str(&foot(rules));
    out
}

/// The HTML report up to its first profile: the title, the byline and, for
/// a portfolio, the chart and the overview table of `rows`. A streamed
/// report writes this, then [`profile_section`] for each profile, then
/// [`foot`].
pub fn head(rows: &[Row], unread: usize, meta: &ReportMeta, rules: &Rulebook) -> String {
    let title = meta.heading(rows.len(), rows.first().map(|r| r.name.as_str()), |t| {
        escape_markup(&printable(t))
    });
    let byline = meta
        .byline()
        // Author and date are input: escaped, isolated like names.
        .map_or(String::new(), |b| {
            format!("<bdi>{}</bdi> ", escape_markup(&printable(&b)))
        });
    let mut out = format!(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>{t}</title><style>{STYLE}</style></head><body>\
         <header><h1>{t}</h1><p class=\"meta\">{byline}The motions run from self-serve only (the product sells itself) to enterprise sales (named accounts); each section below says which fits and why, citing the two source documents listed at the end.</p></header>",
        t = title,
    );
    if rows.len() > 1 {
        out.push_str("<section class=\"portfolio\"><h2>Portfolio</h2>");
        out.push_str(&portfolio_chart(rows, rules));
        out.push_str("<table><thead><tr><th>Name</th><th>ACV</th><th>Motion</th><th>Confidence</th><th>Conflicts</th><th>Checklist</th></tr></thead><tbody>");
        for (i, r) in rows.iter().enumerate() {
            let _ = write!(
                out,
                "<tr><td><a href=\"#profile-{i}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}/{}</td></tr>",
                name(&r.name),
                escape_markup(&r.acv.to_string()),
                escape_markup(&rules.motion(r.brief.motion).name),
                r.brief.confidence.id(),
                r.brief.conflicts,
                r.brief.done,
                r.brief.total
            );
        }
        out.push_str("</tbody></table></section>");
    }
    if let Some(note) = super::prose::unread_note(unread) {
        let _ = write!(out, "<p class=\"unread\">{}</p>", escape_markup(&note));
    }
    out
}

/// The end of the HTML report: the sources, then the bands.
pub fn foot(rules: &Rulebook) -> String {
    let mut out = String::from(
        "<section class=\"sources\"><h2>Sources</h2><p>The advice applies these documents; each table and finding above names the section it comes from.</p><ul>",
    );
    for d in &rules.documents {
        let _ = write!(out, "<li><cite>{}</cite></li>", escape_markup(&d.title));
    }
    out.push_str("</ul></section><footer><p>ACV bands: ");
    let bands: Vec<String> = Motion::ALL
        .iter()
        .map(|m| {
            format!(
                "{} {}",
                escape_markup(&rules.motion(*m).name),
                escape_markup(&band_range(rules, *m))
            )
        })
        .collect();
    out.push_str(&bands.join("; "));
    let _ = writeln!(out, ".</p></footer></body></html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_become_code_elements() {
        assert_eq!(prose("With `buyer` set"), "With <code>buyer</code> set");
        assert_eq!(
            prose("`a` and `b<`"),
            "<code>a</code> and <code>b&lt;</code>"
        );
        assert_eq!(prose("odd ` one"), "odd ` one");
        assert_eq!(prose("`a` odd `"), "<code>a</code> odd `");
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis_in_the_chart() {
        let rules = Rulebook::default_rules();
        let p = crate::profile::parse(crate::profile::STARTER, "s.toml", &rules).unwrap();
        let a = crate::engine::assess::assess(&p, &rules);
        let mut long = Row::new("s.toml", &a);
        long.name = "A very long company name indeed".to_string();
        let short = Row::new("s.toml", &a);
        let chart = portfolio_chart(&[long, short], &rules);
        assert!(chart.contains(">A very long com…</text>"), "{chart}");
        assert!(chart.contains(">My Product</text>"), "{chart}");
    }
}
