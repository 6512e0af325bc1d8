//! Follows N URLs with the poller for a while and counts what came back: the process that
//! `benches/follow_urls.sh` measures. Usage: `follow_urls BASE_URL COUNT EVERY SECONDS DB`
//! (pages `BASE_URL/blog-1` … `BASE_URL/blog-COUNT`, EVERY like `10s`).

use liveblog::parse::Rules;
use liveblog::web::http::Settings;
use liveblog::web::policy::Policy;
use liveblog::web::{PageEvent, PollConfig, Poller};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base, count, every, secs, db] = args.as_slice() else {
        eprintln!("usage: follow_urls BASE_URL COUNT EVERY SECONDS DB");
        std::process::exit(2);
    };
    let count: usize = count.parse().expect("COUNT");
    let every = humantime::parse_duration(every).expect("EVERY");
    let secs: u64 = secs.parse().expect("SECONDS");
    let config = PollConfig {
        policy: Policy { every: Some(every) },
        db: Some(db.into()),
        rules: Rules::embedded().clone(),
        http: Settings::default(),
    };
    let (poller, events) = Poller::channel(config);
    for i in 1..=count {
        poller.poll_now(&format!("{base}/blog-{i}"));
    }
    let (mut fetched, mut unchanged, mut failed) = (0, 0, 0);
    let end = Instant::now() + Duration::from_secs(secs);
    while let Some(left) = end.checked_duration_since(Instant::now()) {
        match events.recv_timeout(left) {
            Ok(PageEvent::Fetched { .. }) => fetched += 1,
            Ok(PageEvent::Unchanged { .. }) => unchanged += 1,
            Ok(PageEvent::Failed { reason, .. }) => {
                failed += 1;
                eprintln!("failed: {reason}");
            }
            Err(_) => break,
        }
    }
    println!("fetched {fetched}, unchanged {unchanged}, failed {failed}");
}
