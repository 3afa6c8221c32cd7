//! The counting behind the statistics, free of SQL: from the tickets that pass the filter, the
//! thread's state changes and replies, and the survey ratings, every figure of the page.
//!
//! Definitions (the page says them in words):
//! - opened: created within the period; closed: resolved or rejected within it (its
//!   resolution date); advanced: tickets whose state changed or that got a reply, counted once
//!   per ticket and interval;
//! - shares, priorities, criticalities, workload and the top requesters count the tickets
//!   opened within the period; "open now" counts every ticket not closed today;
//! - resolution time: from opening to resolution, for tickets resolved within the period;
//! - first response: from opening to the first reply by someone else than the requester, for
//!   tickets opened within the period that got one;
//! - time per state: for tickets opened within the period, the time spent in each open state
//!   up to now (a closed ticket stops counting; reopened, it counts again).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for the small integer keys counted here (ids, interval numbers): a multiply, far
/// cheaper than the default SipHash, which guards against chosen keys that ids are not.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// How long each interval of the charts over time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Day,
    Week,
    Month,
}

impl Granularity {
    /// The interval that suits a period of `days` days: days up to two months, weeks up to a
    /// year, months beyond.
    pub fn for_days(days: i64) -> Granularity {
        if days <= 62 {
            Granularity::Day
        } else if days <= 366 {
            Granularity::Week
        } else {
            Granularity::Month
        }
    }
}

/// A ticket as the statistics read it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketRow {
    pub id: i64,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    pub state: i64,
    /// Whether its state is a closed one (resolved, rejected).
    pub closed: bool,
    pub technician: Option<i64>,
    pub category: Option<i64>,
    pub service: Option<i64>,
    /// Its requester's company.
    pub company: Option<i64>,
    pub priority: Option<i64>,
    pub criticality: Option<i64>,
    pub requester: Option<i64>,
    pub time_spent_minutes: i64,
}

/// A state change of a ticket's thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateChange {
    pub ticket: i64,
    pub at: i64,
    pub from: Option<i64>,
    pub to: i64,
}

/// A reply of a ticket's thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reply {
    pub ticket: i64,
    pub at: i64,
    pub author: Option<i64>,
    /// Seen by the requester (a private note is no response).
    pub public: bool,
}

/// What is counted: the tickets passing the filter (whatever their dates), the state changes
/// and replies from the period's start on (oldest first), the survey ratings (ticket, when,
/// and the rating as a share of its scale, 0..100) given within the period; entries and ratings
/// of tickets not passing the filter are left out here.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub from: i64,
    pub to: i64,
    pub now: i64,
    /// The start of each interval, in order; the first is `from`.
    pub starts: Vec<i64>,
    pub tickets: Vec<TicketRow>,
    pub changes: Vec<StateChange>,
    pub replies: Vec<Reply>,
    pub ratings: Vec<(i64, i64, f64)>,
    /// Which states are closed.
    pub closed_states: Vec<i64>,
}

/// One interval of the charts over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    pub start: i64,
    pub opened: i64,
    pub closed: i64,
    pub advanced: i64,
    /// Replies written.
    pub entries: i64,
    /// The mean survey rating (0..100), when some survey was answered.
    pub satisfaction: Option<f64>,
}

/// One slice of a share, a bar of a count: what it is (`None`: none set) and its figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub id: Option<i64>,
    pub label: String,
    pub value: f64,
}

/// Durations of one group: how many, their mean and median (seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub id: Option<i64>,
    pub label: String,
    pub count: i64,
    pub mean: i64,
    pub median: i64,
}

/// Every figure of the tickets' statistics.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TicketStats {
    pub granularity: Option<Granularity>,
    pub buckets: Vec<Bucket>,
    pub opened: i64,
    pub closed: i64,
    pub open_now: i64,
    pub by_technician: Vec<Share>,
    pub by_state: Vec<Share>,
    pub by_category: Vec<Share>,
    pub by_service: Vec<Share>,
    pub by_company: Vec<Share>,
    /// Minutes spent per category.
    pub workload_by_category: Vec<Share>,
    pub open_by_technician: Vec<Share>,
    pub resolution_by_technician: Vec<Resolution>,
    pub resolution_by_category: Vec<Resolution>,
    pub by_priority: Vec<Share>,
    pub by_criticality: Vec<Share>,
    pub top_requesters: Vec<Share>,
    /// Minutes spent per requester.
    pub top_time: Vec<Share>,
    /// Seconds spent in each open state.
    pub time_by_state: Vec<Share>,
    pub total_time_in_states: i64,
    pub first_response: Option<Resolution>,
    pub first_response_by_technician: Vec<Resolution>,
}

fn count_by(items: impl Iterator<Item = (Option<i64>, f64)>) -> Vec<Share> {
    let mut map: Map<Option<i64>, f64> = Map::default();
    for (k, v) in items {
        *map.entry(k).or_default() += v;
    }
    let mut out: Vec<Share> = map
        .into_iter()
        .map(|(id, value)| Share {
            id,
            label: String::new(),
            value,
        })
        .collect();
    out.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.id.cmp(&b.id)));
    out
}

fn durations(id: Option<i64>, mut values: Vec<i64>) -> Resolution {
    values.sort_unstable();
    let n = values.len();
    let mean = if n == 0 {
        0
    } else {
        values.iter().sum::<i64>() / i64::try_from(n).unwrap_or(1)
    };
    let median = match n {
        0 => 0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2,
    };
    Resolution {
        id,
        label: String::new(),
        count: i64::try_from(n).unwrap_or(i64::MAX),
        mean,
        median,
    }
}

fn grouped(items: impl Iterator<Item = (Option<i64>, i64)>) -> Vec<Resolution> {
    let mut map: Map<Option<i64>, Vec<i64>> = Map::default();
    for (k, v) in items {
        map.entry(k).or_default().push(v);
    }
    let mut out: Vec<Resolution> = map.into_iter().map(|(k, v)| durations(k, v)).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
    out
}

/// Where each ticket of `tickets` is, by number: a dense table, faster than a map for the
/// hundreds of thousands of thread entries looked up.
struct Positions(Vec<u32>);

impl Positions {
    fn of(tickets: &[TicketRow]) -> Positions {
        let top = tickets.iter().map(|t| t.id).max().unwrap_or(0).max(0);
        let mut at = vec![u32::MAX; usize::try_from(top).unwrap_or(0) + 1];
        for (i, t) in tickets.iter().enumerate() {
            if let (Ok(id), Ok(i)) = (usize::try_from(t.id), u32::try_from(i)) {
                at[id] = i;
            }
        }
        Positions(at)
    }

    fn get(&self, id: i64) -> Option<usize> {
        let p = *self.0.get(usize::try_from(id).ok()?)?;
        (p != u32::MAX).then_some(p as usize)
    }
}

/// The counting in progress: the tickets first, then the thread's entries oldest first.
struct Tally<'a> {
    input: &'a Input,
    positions: Positions,
    is_opened: Vec<bool>,
    buckets: Vec<Bucket>,
    closed: i64,
    /// Advanced: a bit per ticket and interval.
    seen: Vec<u64>,
    /// Each opened ticket's state and since when, while its changes are walked.
    current: Vec<Option<(i64, i64)>>,
    in_states: Map<Option<i64>, f64>,
    /// Each opened ticket's first response (seconds after its opening).
    first: Vec<Option<i64>>,
}

impl<'a> Tally<'a> {
    /// Starts counting `input`'s tickets and ratings (its changes and replies are left to
    /// [`Tally::change`] and [`Tally::reply`]).
    fn new(input: &'a Input) -> Tally<'a> {
        let tickets = &input.tickets;
        let mut t = Tally {
            input,
            positions: Positions::of(tickets),
            is_opened: tickets.iter().map(|t| input.within(t.created_at)).collect(),
            buckets: input
                .starts
                .iter()
                .map(|s| Bucket {
                    start: *s,
                    opened: 0,
                    closed: 0,
                    advanced: 0,
                    entries: 0,
                    satisfaction: None,
                })
                .collect(),
            closed: 0,
            seen: vec![0u64; (tickets.len() * input.starts.len().max(1)).div_ceil(64)],
            current: vec![None; tickets.len()],
            in_states: Map::default(),
            first: vec![None; tickets.len()],
        };
        for ticket in tickets {
            if input.within(ticket.created_at)
                && let Some(b) = t.buckets.get_mut(input.bucket_of(ticket.created_at))
            {
                b.opened += 1;
            }
            if let Some(r) = ticket.resolved_at.filter(|r| input.within(*r)) {
                t.closed += 1;
                if let Some(b) = t.buckets.get_mut(input.bucket_of(r)) {
                    b.closed += 1;
                }
            }
        }
        let mut ratings: Map<usize, (f64, f64)> = Map::default();
        for (ticket, at, pct) in &input.ratings {
            if input.within(*at) && t.positions.get(*ticket).is_some() {
                let e = ratings.entry(input.bucket_of(*at)).or_default();
                e.0 += pct;
                e.1 += 1.0;
            }
        }
        for (i, (sum, n)) in ratings {
            if let Some(b) = t.buckets.get_mut(i) {
                b.satisfaction = Some(sum / n);
            }
        }
        t
    }

    fn mark(&mut self, pos: usize, bucket: usize) {
        let bit = pos * self.buckets.len().max(1) + bucket;
        let (word, mask) = (bit / 64, 1u64 << (bit % 64));
        if let Some(w) = self.seen.get_mut(word)
            && *w & mask == 0
        {
            *w |= mask;
            if let Some(b) = self.buckets.get_mut(bucket) {
                b.advanced += 1;
            }
        }
    }

    /// Counts a state change (in time order).
    fn change(&mut self, c: &StateChange) {
        let Some(pos) = self.positions.get(c.ticket) else {
            return;
        };
        if self.input.within(c.at) {
            self.mark(pos, self.input.bucket_of(c.at));
        }
        if self.is_opened[pos] {
            let t = &self.input.tickets[pos];
            let (state, since) =
                self.current[pos].unwrap_or((c.from.unwrap_or(t.state), t.created_at));
            if !self.input.closed_state(state) && c.at > since {
                *self.in_states.entry(Some(state)).or_default() += (c.at - since) as f64;
            }
            self.current[pos] = Some((c.to, c.at.max(since)));
        }
    }

    /// Counts a reply (in time order).
    fn reply(&mut self, r: &Reply) {
        let Some(pos) = self.positions.get(r.ticket) else {
            return;
        };
        if self.input.within(r.at) {
            let b = self.input.bucket_of(r.at);
            self.mark(pos, b);
            if let Some(bucket) = self.buckets.get_mut(b) {
                bucket.entries += 1;
            }
        }
        let t = &self.input.tickets[pos];
        if self.is_opened[pos]
            && self.first[pos].is_none()
            && r.public
            && r.author.is_some()
            && r.author != t.requester
            && r.at >= t.created_at
        {
            self.first[pos] = Some(r.at - t.created_at);
        }
    }

    /// Every figure.
    fn finish(mut self) -> TicketStats {
        let input = self.input;
        let tickets = &input.tickets;
        for (pos, t) in tickets.iter().enumerate() {
            if !self.is_opened[pos] {
                continue;
            }
            let (state, since) = self.current[pos].unwrap_or((t.state, t.created_at));
            if !input.closed_state(state) && input.now > since {
                *self.in_states.entry(Some(state)).or_default() += (input.now - since) as f64;
            }
        }
        let time_by_state = count_by(self.in_states.into_iter());
        let total_time_in_states = time_by_state.iter().map(|s| s.value as i64).sum();
        let responses: Vec<(Option<i64>, i64)> = self
            .first
            .iter()
            .enumerate()
            .filter_map(|(pos, d)| d.map(|d| (tickets[pos].technician, d)))
            .collect();
        let first_response = (!responses.is_empty())
            .then(|| durations(None, responses.iter().map(|(_, d)| *d).collect()));
        let first_response_by_technician = grouped(responses.into_iter());
        let opened: Vec<&TicketRow> = tickets
            .iter()
            .zip(&self.is_opened)
            .filter_map(|(t, o)| o.then_some(t))
            .collect();
        let resolved: Vec<(&TicketRow, i64)> = tickets
            .iter()
            .filter_map(|t| {
                t.resolved_at
                    .filter(|r| input.within(*r))
                    .map(|r| (t, (r - t.created_at).max(0)))
            })
            .collect();
        let mut top_requesters = count_by(
            opened
                .iter()
                .filter(|t| t.requester.is_some())
                .map(|t| (t.requester, 1.0)),
        );
        top_requesters.truncate(10);
        let mut top_time = count_by(
            opened
                .iter()
                .filter(|t| t.requester.is_some() && t.time_spent_minutes > 0)
                .map(|t| (t.requester, t.time_spent_minutes as f64)),
        );
        top_time.truncate(10);
        TicketStats {
            granularity: None,
            buckets: self.buckets,
            opened: i64::try_from(opened.len()).unwrap_or(i64::MAX),
            closed: self.closed,
            open_now: tickets.iter().filter(|t| !t.closed).count() as i64,
            by_technician: count_by(opened.iter().map(|t| (t.technician, 1.0))),
            by_state: count_by(opened.iter().map(|t| (Some(t.state), 1.0))),
            by_category: count_by(opened.iter().map(|t| (t.category, 1.0))),
            by_service: count_by(opened.iter().map(|t| (t.service, 1.0))),
            by_company: count_by(opened.iter().map(|t| (t.company, 1.0))),
            workload_by_category: count_by(
                opened
                    .iter()
                    .map(|t| (t.category, t.time_spent_minutes as f64)),
            ),
            open_by_technician: count_by(
                tickets
                    .iter()
                    .filter(|t| !t.closed)
                    .map(|t| (t.technician, 1.0)),
            ),
            resolution_by_technician: grouped(resolved.iter().map(|(t, d)| (t.technician, *d))),
            resolution_by_category: grouped(resolved.iter().map(|(t, d)| (t.category, *d))),
            by_priority: count_by(opened.iter().map(|t| (t.priority, 1.0))),
            by_criticality: count_by(opened.iter().map(|t| (t.criticality, 1.0))),
            top_requesters,
            top_time,
            time_by_state,
            total_time_in_states,
            first_response,
            first_response_by_technician,
        }
    }
}

impl Input {
    fn within(&self, t: i64) -> bool {
        t >= self.from && t < self.to
    }

    fn bucket_of(&self, t: i64) -> usize {
        self.starts.partition_point(|s| *s <= t).saturating_sub(1)
    }

    fn closed_state(&self, s: i64) -> bool {
        self.closed_states.contains(&s)
    }
}

/// Counts every figure of `input`, its changes and replies included.
pub fn tally(input: &Input) -> TicketStats {
    let mut t = Tally::new(input);
    for c in &input.changes {
        t.change(c);
    }
    for r in &input.replies {
        t.reply(r);
    }
    t.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(id: i64, created_at: i64, resolved_at: Option<i64>, state: i64) -> TicketRow {
        TicketRow {
            id,
            created_at,
            resolved_at,
            state,
            closed: state == 3,
            technician: Some(7),
            requester: Some(100 + id),
            ..TicketRow::default()
        }
    }

    #[test]
    fn medians_and_means_of_durations() {
        let r = durations(None, vec![30, 10, 20, 100]);
        assert_eq!((r.count, r.mean, r.median), (4, 40, 25));
        let r = durations(None, vec![5]);
        assert_eq!((r.mean, r.median), (5, 5));
    }

    #[test]
    fn time_in_states_follows_the_thread_and_stops_at_closure() {
        // Opened at 0 waiting (1), in progress (2) at 100, resolved (3) at 250, reopened (2)
        // at 400; now is 500.
        let input = Input {
            from: 0,
            to: 1_000,
            now: 500,
            starts: vec![0],
            tickets: vec![ticket(1, 0, None, 2)],
            changes: vec![
                StateChange {
                    ticket: 1,
                    at: 100,
                    from: Some(1),
                    to: 2,
                },
                StateChange {
                    ticket: 1,
                    at: 250,
                    from: Some(2),
                    to: 3,
                },
                StateChange {
                    ticket: 1,
                    at: 400,
                    from: Some(3),
                    to: 2,
                },
            ],
            closed_states: vec![3, 4],
            ..Input::default()
        };
        let s = tally(&input);
        let of = |state: i64| {
            s.time_by_state
                .iter()
                .find(|x| x.id == Some(state))
                .map_or(0.0, |x| x.value)
        };
        assert_eq!(of(1), 100.0);
        assert_eq!(of(2), 150.0 + 100.0);
        assert_eq!(of(3), 0.0);
        assert_eq!(s.total_time_in_states, 350);
    }

    #[test]
    fn intervals_count_each_ticket_once_and_edges_belong_to_the_period() {
        let input = Input {
            from: 100,
            to: 300,
            now: 1_000,
            starts: vec![100, 200],
            tickets: vec![
                ticket(1, 50, Some(150), 3),  // opened before, closed within
                ticket(2, 100, None, 1),      // opened on the first second
                ticket(3, 299, Some(300), 3), // closed on the end: outside
            ],
            replies: vec![
                Reply {
                    ticket: 2,
                    at: 120,
                    author: Some(7),
                    public: true,
                },
                Reply {
                    ticket: 2,
                    at: 130,
                    author: Some(7),
                    public: true,
                },
                Reply {
                    ticket: 1,
                    at: 210,
                    author: Some(101),
                    public: true,
                },
            ],
            closed_states: vec![3, 4],
            ..Input::default()
        };
        let s = tally(&input);
        assert_eq!(s.opened, 2);
        assert_eq!(s.closed, 1);
        assert_eq!(
            s.buckets
                .iter()
                .map(|b| (b.opened, b.closed, b.advanced, b.entries))
                .collect::<Vec<_>>(),
            [(1, 1, 1, 2), (1, 0, 1, 1)]
        );
        // Ticket 2's first response came from its technician after 20 seconds; ticket 1 was
        // not opened within the period.
        let f = s.first_response.expect("one");
        assert_eq!((f.count, f.mean), (1, 20));
        assert_eq!(s.open_now, 1);
    }
}
