//! Generates usage events of a made-up product ("Crewbook", a team
//! bookkeeping tool) for trying `gtm pql` and for its benchmark: CSV with
//! the columns `gtm pql` reads by default, in shuffled time order.
//!
//!     cargo run --release --example gen_events -- --events 5000000 --accounts 20000 > big.csv
//!
//! The same arguments give the same bytes (a seeded generator, no clock),
//! so the shipped sample (`examples/crewbook-events.csv`) is reproducible:
//!
//!     cargo run --example gen_events -- --events 4000 --accounts 60 --seed 7 > examples/crewbook-events.csv

use std::io::{self, BufWriter, Write};

use gtm_advisor::signals::time;

/// splitmix64: small, fast, and good enough for made-up data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
}

/// Event names and their weight in ordinary use.
const EVENTS: &[(&str, u64)] = &[
    ("page_viewed", 400),
    ("invoice_created", 200),
    ("report_run", 150),
    ("teammate_invited", 40),
    ("project_created", 30),
    ("export_downloaded", 60),
    ("limit_reached", 6),
    ("pricing_viewed", 8),
    ("security_questionnaire_started", 1),
    ("sso_requested", 1),
    ("second_team_created", 1),
];

struct Account {
    id: String,
    domain: String,
    users: u64,
    weight: u64,
    paid: bool,
    activated: bool,
}

fn main() -> io::Result<()> {
    let mut events: u64 = 4000;
    let mut accounts: u64 = 60;
    let mut seed: u64 = 7;
    let mut end: i64 = 1_795_996_799; // 2026-11-30T23:59:59Z
    let mut days: i64 = 60;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        let number = || {
            value
                .parse::<u64>()
                .unwrap_or_else(|_| panic!("{flag} needs a number"))
        };
        match flag.as_str() {
            "--events" => events = number(),
            "--accounts" => accounts = number().max(1),
            "--seed" => seed = number(),
            "--end" => end = number() as i64,
            "--days" => days = number().max(1) as i64,
            _ => panic!("unknown flag {flag}; flags: --events --accounts --seed --end --days"),
        }
    }
    let mut rng = Rng(seed);
    let personal = ["gmail.com", "outlook.com"];
    let made: Vec<Account> = (0..accounts)
        .map(|i| {
            let id = format!("acct-{i:05}");
            // A few accounts sign up with personal addresses; one in fifty is a
            // target account ("bigcorp" domains in the sample profile).
            let domain = match i % 50 {
                3 => format!("bigcorp{}.com", i / 50),
                17 => personal[(i / 50 % 2) as usize].to_string(),
                _ => format!("co{i}.io"),
            };
            // Sizes follow a long tail: most accounts have a user or two.
            let users = 1 + rng.below(3) + if rng.chance(250) { rng.below(25) } else { 0 };
            let weight = users * (1 + rng.below(4)) * if rng.chance(100) { 20 } else { 1 };
            Account {
                id,
                domain,
                users,
                weight,
                paid: rng.chance(200),
                activated: rng.chance(700),
            }
        })
        .collect();
    // Running totals of the weights, searched by halves for each event.
    let cumulative: Vec<u64> = made
        .iter()
        .scan(0, |sum, a| {
            *sum += a.weight;
            Some(*sum)
        })
        .collect();
    let total_weight = *cumulative.last().unwrap_or(&1);
    let event_weight: u64 = EVENTS.iter().map(|(_, w)| w).sum();
    let start = end - days * 86_400;
    let out = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, out.lock());
    writeln!(out, "timestamp,account,user,event,email,plan")?;
    for _ in 0..events {
        let pick = rng.below(total_weight);
        let account = &made[cumulative.partition_point(|c| *c <= pick)];
        let user = rng.below(account.users);
        let mut e = rng.below(event_weight);
        let mut name = EVENTS[0].0;
        for (n, w) in EVENTS {
            if e < *w {
                name = n;
                break;
            }
            e -= w;
        }
        if name == "project_created" && !account.activated {
            name = "page_viewed";
        }
        let ts = start + rng.below((end - start) as u64) as i64;
        // One event in a hundred is by our own staff, helping out.
        let email = if rng.chance(10) {
            "support@crewbook.io".to_string()
        } else {
            format!("user{user}@{}", account.domain)
        };
        let plan = if account.paid { "paid" } else { "free" };
        writeln!(
            out,
            "{},{},u{user},{name},{email},{plan}",
            time::format(ts * 1000),
            account.id
        )?;
    }
    out.flush()
}
