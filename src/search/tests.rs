use proptest::prelude::*;

use super::*;
use crate::catalogue::{Policy, demo};
use crate::domain::{
    Assignment, AssignmentKind, CareerTrack, OrgUnit, TitleBand, UnitKind, UnitTag,
};

fn person(staff_no: &str, name: &str, reading: &str, unit: (&str, &str)) -> Entry {
    Entry {
        staff_no: staff_no.into(),
        name: name.into(),
        reading: reading.into(),
        romaji: crate::domain::kana::romaji(reading),
        former_name: None,
        alias: None,
        unit_code: unit.0.into(),
        unit_name: unit.1.into(),
        title: Some("主事".into()),
        band: Band::new(1),
        employment: EmploymentType::Regular,
        status: Status::Active,
        digital: DigitalTier::Starter,
    }
}

const JINJI: (&str, &str) = ("010201", "総務部 職員課 人事係");
const SOMU: (&str, &str) = ("010101", "総務部 総務課 総務係");
const ZEI: (&str, &str) = ("010601", "税務部 市民税課 市民税係");
const KENKO: (&str, &str) = ("030101", "健康福祉部 福祉課 庶務係");

fn sample() -> Vec<Entry> {
    let mut former = person("100007", "佐藤　花子", "さとう　はなこ", ZEI);
    former.former_name = Some("渡邊".into());
    let mut left = person("100009", "髙橋　一郎", "たかはし　いちろう", KENKO);
    left.status = Status::Left;
    let mut leader = person("100010", "斉藤　健", "さいとう　けん", ZEI);
    leader.digital = DigitalTier::Leader;
    leader.band = Band::new(3);
    leader.employment = EmploymentType::FixedTerm;
    leader.status = Status::OnLeave;
    vec![
        person("000123", "髙橋　誠", "たかはし　まこと", JINJI),
        person("100002", "田中　太郎", "たなか　たろう", SOMU),
        person("100003", "北中　次郎", "きたなか　じろう", ZEI),
        person("100004", "小鳥遊　三郎", "たかなし　さぶろう", KENKO),
        person("100005", "渡邊　恵", "わたなべ　めぐみ", SOMU),
        person("1000123", "山田　花", "やまだ　はな", KENKO),
        former,
        person("100008", "山﨑　直樹", "ヤマサキ　ナオキ", JINJI),
        left,
        leader,
    ]
}

fn names(index: &Index, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| index.entry(h.index).name.clone())
        .collect()
}

fn numbers(index: &Index, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| index.entry(h.index).staff_no.clone())
        .collect()
}

#[test]
fn every_way_of_writing_takahashi_finds_him() {
    let index = Index::new(sample());
    for query in [
        "たかはし",
        "ﾀｶﾊｼ",
        "タカハシ",
        "takahashi",
        "TAKAHASHI",
        "高橋",
        "髙橋",
    ] {
        let hits = index.search(query, &Filter::default(), 10);
        assert_eq!(names(&index, &hits)[0], "髙橋　誠", "{query}");
        assert_eq!(hits[0].rank, Rank::Prefix, "{query}");
    }
    let hits = index.search("高橋誠", &Filter::default(), 10);
    assert_eq!(names(&index, &hits), vec!["髙橋　誠"], "words run together");
    let hits = index.search("髙橋\u{3000}ﾏｺﾄ", &Filter::default(), 10);
    assert_eq!(
        names(&index, &hits),
        vec!["髙橋　誠"],
        "a full-width space splits"
    );
    let hits = index.search("makoto", &Filter::default(), 10);
    assert_eq!(
        names(&index, &hits)[0],
        "髙橋　誠",
        "a given name at a word start"
    );
}

#[test]
fn variant_kanji_meet_both_ways() {
    let index = Index::new(sample());
    let hits = index.search("渡辺", &Filter::default(), 10);
    assert_eq!(names(&index, &hits)[0], "渡邊　恵");
    assert!(
        names(&index, &hits).contains(&"佐藤　花子".to_string()),
        "former name 渡邊"
    );
    let hits = index.search("山崎", &Filter::default(), 10);
    assert_eq!(names(&index, &hits)[0], "山﨑　直樹");
    let hits = index.search("齋藤", &Filter::everyone(), 10);
    assert_eq!(names(&index, &hits)[0], "斉藤　健");
    let hits = index.search("やまさき", &Filter::default(), 10);
    assert_eq!(
        names(&index, &hits)[0],
        "山﨑　直樹",
        "katakana reading stored"
    );
}

#[test]
fn organisation_words_find_everyone_in_the_unit() {
    let index = Index::new(sample());
    let hits = index.search("総務", &Filter::default(), 50);
    let mut found = numbers(&index, &hits);
    found.sort();
    assert_eq!(found, vec!["000123", "100002", "100005", "100008"]);
    let hits = index.search("人事", &Filter::default(), 50);
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.rank == Rank::Prefix));
    let hits = index.search("職員課人事", &Filter::default(), 50);
    assert_eq!(hits.len(), 2, "across the words of a path, spaces ignored");
    let hits = index.search("総務 たなか", &Filter::default(), 50);
    assert_eq!(
        names(&index, &hits),
        vec!["田中　太郎"],
        "every word must match"
    );
}

#[test]
fn exact_then_prefix_then_substring_then_fuzzy() {
    let index = Index::new(sample());
    let hits = index.search("000123", &Filter::default(), 10);
    assert_eq!(hits[0].rank, Rank::Exact);
    assert_eq!(index.entry(hits[0].index).staff_no, "000123");
    assert!(hits[1..].iter().all(|h| h.rank > Rank::Exact));

    let hits = index.search("1000123", &Filter::default(), 10);
    assert_eq!(numbers(&index, &hits)[0], "1000123");
    assert_eq!(hits[0].rank, Rank::Exact);

    let hits = index.search("tana", &Filter::default(), 10);
    let rank_of = |name: &str| {
        hits.iter()
            .find(|h| index.entry(h.index).name == name)
            .map(|h| h.rank)
    };
    assert_eq!(names(&index, &hits)[0], "田中　太郎");
    assert_eq!(rank_of("田中　太郎"), Some(Rank::Prefix));
    assert_eq!(rank_of("北中　次郎"), Some(Rank::Substring), "kitanaka");
    assert_eq!(rank_of("小鳥遊　三郎"), Some(Rank::Fuzzy), "takanashi");
    assert_eq!(rank_of("山田　花"), None, "yamada hana has no t");
    assert!(hits.windows(2).all(|w| w[0].rank <= w[1].rank));
    let ranks: Vec<Rank> = index
        .search("a", &Filter::default(), 100)
        .iter()
        .map(|h| h.rank)
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn order_within_a_rank_is_score_then_reading_then_number() {
    let mut entries = sample();
    entries.push(person("200001", "田中　次郎", "たなか　じろう", SOMU));
    entries.push(person("200000", "田中　次郎", "たなか　じろう", SOMU));
    let index = Index::new(entries);
    let hits = index.search("田中", &Filter::default(), 10);
    assert_eq!(numbers(&index, &hits), vec!["200000", "200001", "100002"]);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn empty_query_lists_everyone_in_reading_order() {
    let index = Index::new(sample());
    let hits = index.search(" \u{3000}", &Filter::default(), 100);
    assert_eq!(hits.len(), 9, "all but the leaver");
    let readings: Vec<String> = hits
        .iter()
        .map(|h| normalize::key(&index.entry(h.index).reading))
        .collect();
    let mut sorted = readings.clone();
    sorted.sort();
    assert_eq!(readings, sorted);
    assert_eq!(index.search("", &Filter::default(), 3).len(), 3);
    assert!(index.search("たかはし", &Filter::default(), 0).is_empty());
}

#[test]
fn leavers_are_hidden_unless_asked_for() {
    let index = Index::new(sample());
    let hits = index.search("たかはし", &Filter::default(), 10);
    assert_eq!(names(&index, &hits), vec!["髙橋　誠"]);
    let hits = index.search("たかはし", &Filter::everyone(), 10);
    assert_eq!(hits.len(), 2);
    let only_left = Filter {
        status: Some(Status::Left),
        ..Filter::default()
    };
    let hits = index.search("", &only_left, 10);
    assert_eq!(names(&index, &hits), vec!["髙橋　一郎"]);
}

#[test]
fn filters_narrow() {
    let index = Index::new(sample());
    let count = |filter: Filter| index.search("", &filter, 100).len();
    let unit = |p: &str| Filter {
        unit_prefix: Some(p.into()),
        ..Filter::default()
    };
    assert_eq!(count(unit("01")), 7, "a department holds its teams");
    assert_eq!(count(unit("0102")), 2);
    assert_eq!(count(unit("010601")), 3);
    assert_eq!(count(unit("09")), 0);
    let band = Filter {
        band: Band::new(3),
        ..Filter::default()
    };
    assert_eq!(count(band), 1);
    let fixed = Filter {
        employment: Some(EmploymentType::FixedTerm),
        ..Filter::default()
    };
    assert_eq!(count(fixed), 1);
    let leave = Filter {
        status: Some(Status::OnLeave),
        ..Filter::default()
    };
    assert_eq!(count(leave), 1);
    let leader = Filter {
        digital: Some(DigitalTier::Leader),
        ..Filter::default()
    };
    assert_eq!(count(leader), 1);
    let hits = index.search("さとう", &unit("03"), 10);
    assert!(hits.is_empty(), "a filter applies to matches too");
}

#[test]
fn upsert_replaces_or_adds_and_remove_deletes() {
    let mut index = Index::new(sample());
    let before = index.generation();
    let mut renamed = index.entry(1).clone();
    renamed.name = "鈴木　太郎".into();
    renamed.reading = "すずき　たろう".into();
    renamed.romaji = "suzuki tarou".into();
    assert_eq!(index.upsert(renamed), 1);
    assert_ne!(index.generation(), before);
    assert_eq!(index.len(), 10);
    assert!(index.search("田中", &Filter::default(), 10).is_empty());
    let hits = index.search("すずき", &Filter::default(), 10);
    assert_eq!(numbers(&index, &hits), vec!["100002"]);

    let added = person("300001", "鈴木　一", "すずき　はじめ", KENKO);
    assert_eq!(index.upsert(added), 10);
    let hits = index.search("すずき", &Filter::default(), 10);
    assert_eq!(
        numbers(&index, &hits),
        vec!["100002", "300001"],
        "たろう before はじめ"
    );

    let gone = index.remove("000123").map(|e| e.name);
    assert_eq!(gone.as_deref(), Some("髙橋　誠"));
    assert_eq!(index.remove("000123"), None);
    assert_eq!(index.len(), 10);
    assert!(index.search("まこと", &Filter::default(), 10).is_empty());
    let hits = index.search("すずき", &Filter::default(), 10);
    assert_eq!(numbers(&index, &hits), vec!["100002", "300001"]);
    let all = index.search("", &Filter::everyone(), 100);
    assert_eq!(all.len(), 10);
}

#[test]
fn many_edits_compact_the_keys_and_keep_answers() {
    let mut index = Index::new(sample());
    for round in 0..3000 {
        let mut e = person(&format!("9{:05}", round % 7), "名前", "なまえ", SOMU);
        e.name = format!("名前{round}");
        index.upsert(e);
    }
    let fresh = Index::new(index.entries().to_vec());
    assert!(
        index.key_bytes() < 4 * fresh.key_bytes() + (1 << 17),
        "replaced keys are reclaimed: {} bytes for {}",
        index.key_bytes(),
        fresh.key_bytes()
    );
    for query in ["", "名前2999", "なまえ", "総務", "takahashi", "9"] {
        assert_eq!(
            index.search(query, &Filter::default(), 50),
            fresh.search(query, &Filter::default(), 50),
            "{query}"
        );
    }
}

#[test]
fn same_answers_whatever_the_input_order() {
    let entries = demo_entries(400);
    let mut reversed = entries.clone();
    reversed.reverse();
    let a = Index::new(entries);
    let b = Index::new(reversed);
    for query in ["", "y", "ya", "さ", "総務", "斎藤", "ta ka", "2"] {
        let x = a.search(query, &Filter::default(), 40);
        let y = b.search(query, &Filter::default(), 40);
        assert_eq!(numbers(&a, &x), numbers(&b, &y), "{query}");
        assert_eq!(x, a.search(query, &Filter::default(), 40), "repeatable");
    }
}

#[test]
fn entry_from_an_employee_takes_the_post_of_the_day() {
    let d = |y, m, day| Date::new(y, m, day).unwrap();
    let unit = |code: &str, kind, name: &str, parent: Option<&str>| OrgUnit {
        code: code.into(),
        kind,
        name: name.into(),
        parent: parent.map(Into::into),
        tag: UnitTag::None,
        valid_from: None,
        valid_to: None,
    };
    let org = OrgTree::new(vec![
        unit("01", UnitKind::Department, "総務部", None),
        unit("0102", UnitKind::Section, "職員課", Some("01")),
        unit("010201", UnitKind::Team, "人事係", Some("0102")),
    ])
    .unwrap();
    let titles = TitleMap::new(vec![TitleBand {
        title: "係長".into(),
        band: Band::new(2).unwrap(),
    }]);
    let post = |date, unit: &str, title: &str| Assignment {
        effective: date,
        unit: unit.into(),
        title: title.into(),
        kind: AssignmentKind::Transfer,
    };
    let e = Employee {
        staff_no: "000123".into(),
        name: "髙橋 誠".into(),
        reading: "たかはし まこと".into(),
        former_name: Some("渡邊".into()),
        alias: None,
        employment: EmploymentType::Regular,
        birth: d(1966, 4, 2),
        hired: d(1989, 4, 1),
        leaving: None,
        track: CareerTrack::Unset,
        digital: DigitalTier::Leader,
        status: Status::Active,
        comeback: false,
        history: vec![
            post(d(1989, 4, 1), "0102", "主事"),
            post(d(2024, 4, 1), "010201", "係長"),
        ],
    };
    let entry = Entry::from_employee(&e, &org, &titles, d(2026, 11, 25));
    assert_eq!(entry.name, "髙橋 誠", "kept as entered");
    assert_eq!(entry.romaji, "takahashi makoto");
    assert_eq!(entry.unit_code, "010201");
    assert_eq!(entry.unit_name, "総務部 職員課 人事係");
    assert_eq!(entry.title.as_deref(), Some("係長"));
    assert_eq!(entry.band, Band::new(2));
    assert_eq!(entry.former_name.as_deref(), Some("渡邊"));
    let earlier = Entry::from_employee(&e, &org, &titles, d(2000, 1, 1));
    assert_eq!(earlier.unit_name, "総務部 職員課");
    assert_eq!(earlier.band, None, "主事 is not in this map");
}

fn demo_entries(staff: usize) -> Vec<Entry> {
    let data = demo::generate(staff, demo::DEFAULT_SEED).unwrap();
    let org = OrgTree::new(data.units).unwrap();
    let titles = TitleMap::new(Policy::builtin().unwrap().titles);
    let on = Date::new(2026, 11, 25).unwrap();
    data.staff
        .iter()
        .map(|e| Entry::from_employee(e, &org, &titles, on))
        .collect()
}

/// Types each query a character at a time and backspaces it away, asking the searcher
/// and the index after every keystroke.
fn same_as_index(
    index: &Index,
    searcher: &mut Searcher,
    steps: &[String],
    filter: &Filter,
    limit: usize,
) {
    for query in steps {
        assert_eq!(
            searcher.search(index, query, filter, limit),
            index.search(query, filter, limit),
            "{query:?}"
        );
    }
}

fn typed(query: &str) -> Vec<String> {
    let chars: Vec<char> = query.chars().collect();
    let mut steps: Vec<String> = (1..=chars.len())
        .map(|n| chars[..n].iter().collect())
        .collect();
    steps.extend((0..chars.len()).rev().map(|n| chars[..n].iter().collect()));
    steps
}

#[test]
fn searcher_answers_like_the_index_while_typing() {
    let index = Index::new(demo_entries(1500));
    let staff_no = index.entry(700).staff_no.clone();
    let mut searcher = Searcher::new();
    for query in [
        "yamada",
        "やま",
        "山田",
        "総務",
        &staff_no,
        "ﾀｶﾊｼ ﾏ",
        "sato hanako",
        "tana",
        "高橋　誠",
    ] {
        for limit in [1, 20, 200] {
            same_as_index(
                &index,
                &mut searcher,
                &typed(query),
                &Filter::default(),
                limit,
            );
        }
    }
    let unit = Filter {
        unit_prefix: Some("01".into()),
        include_left: true,
        ..Filter::default()
    };
    same_as_index(&index, &mut searcher, &typed("sai tou"), &unit, 30);
    // An edit, a changed filter and a retyped word in the middle all start afresh.
    let steps: Vec<String> = ["ya", "yam", "yamd", "yad", "ya da", "ya d", "yu"]
        .map(String::from)
        .to_vec();
    same_as_index(&index, &mut searcher, &steps, &unit, 30);
    same_as_index(&index, &mut searcher, &steps, &Filter::default(), 30);
}

#[test]
fn searcher_forgets_an_edited_index() {
    let mut index = Index::new(sample());
    let mut searcher = Searcher::new();
    let filter = Filter::default();
    assert_eq!(searcher.search(&index, "すずき", &filter, 10).len(), 0);
    index.upsert(person("300001", "鈴木　一", "すずき　はじめ", KENKO));
    assert_eq!(searcher.search(&index, "すずき", &filter, 10).len(), 1);
    assert_eq!(searcher.search(&index, "すずきは", &filter, 10).len(), 1);
}

/// Keystrokes of a user: a character from a small alphabet that makes many matches,
/// or a backspace.
fn keystroke() -> impl Strategy<Value = Option<char>> {
    let alphabet: Vec<char> = "yamadtksihno 山田高髙橋総務課部やまたかはしタカ0123\u{3000}"
        .chars()
        .collect();
    prop_oneof![
        4 => proptest::sample::select(alphabet).prop_map(Some),
        1 => Just(None),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn searcher_equals_index_for_any_typing(
        keys in proptest::collection::vec(keystroke(), 1..24),
        limit in prop_oneof![Just(1usize), Just(8), Just(60)],
        left in any::<bool>(),
    ) {
        thread_local! {
            static INDEX: Index = Index::new(demo_entries(800));
        }
        let filter = Filter { include_left: left, ..Filter::default() };
        INDEX.with(|index| {
            let mut searcher = Searcher::new();
            let mut query = String::new();
            for key in keys {
                match key {
                    Some(c) => query.push(c),
                    None => { query.pop(); }
                }
                let fast = searcher.search(index, &query, &filter, limit);
                let full = index.search(&query, &filter, limit);
                prop_assert_eq!(&fast, &full, "{:?}", query);
                // A smaller page is the head of a larger one: the cut never changes
                // the order.
                let more = index.search(&query, &filter, limit + 40);
                prop_assert_eq!(&full[..], &more[..full.len()], "{:?}", query);
            }
            Ok(())
        })?;
    }
}

#[test]
fn keys_made_on_two_threads_answer_as_keys_made_on_one() {
    // 6,000 entries take the two-thread path in `Index::new`; adding them one by one
    // to a small index takes the single-thread one.
    let entries = demo_entries(6_000);
    let parallel = Index::new(entries.clone());
    let mut serial = Index::new(entries[..10].to_vec());
    for e in &entries[10..] {
        serial.upsert(e.clone());
    }
    for query in [
        "y",
        "yamada",
        "やま",
        "山田",
        "総務",
        "saito",
        "たかはし　ま",
        "0",
    ] {
        for filter in [Filter::default(), Filter::everyone()] {
            let a = numbers(&parallel, &parallel.search(query, &filter, 300));
            let b = numbers(&serial, &serial.search(query, &filter, 300));
            assert_eq!(a, b, "{query}");
            assert!(!a.is_empty(), "{query}");
        }
    }
}
