//! The help centre (`/help`, public and signed in): short articles in three languages — from
//! registering to hardship help — found by a search that runs the same on the server (a `?q=`
//! address renders its results without JavaScript) and in the browser (as the person types), the
//! contact desks, and "still need help? → write to us" into the Message Center. Articles are text
//! keys (`locales/*/help.ftl`: `help-<slug>-title`, `-body`, `-words`); the page is `page.rs`.

pub mod page;

use crate::domain::message::Topic;
use crate::i18n::{t, Locale};

/// One article: its slug (its anchor on the page and its text keys) and the Message Center topic
/// "write to us" opens with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    pub slug: &'static str,
    pub topic: Topic,
}

const fn a(slug: &'static str, topic: Topic) -> Article {
    Article { slug, topic }
}

/// Every article, in the order the page lists them.
pub const ARTICLES: [Article; 14] = [
    a("register", Topic::AccountAccess),
    a("activate", Topic::AccountAccess),
    a("link", Topic::AccountAccess),
    a("vin", Topic::AccountAccess),
    a("customer-id", Topic::AccountAccess),
    a("device-code", Topic::AccountAccess),
    a("payments", Topic::Payments),
    a("autopay", Topic::Payments),
    a("payoff", Topic::Payoff),
    a("lease-end", Topic::LeaseEnd),
    a("documents", Topic::Documents),
    a("messages", Topic::Other),
    a("security", Topic::AccountAccess),
    a("hardship", Topic::Hardship),
];

impl Article {
    pub fn title(&self, l: Locale) -> String {
        t(l, &format!("help-{}-title", self.slug))
    }

    pub fn body(&self, l: Locale) -> String {
        t(l, &format!("help-{}-body", self.slug))
    }

    /// Other words people search with (synonyms, common misspellings), never shown.
    fn words(&self, l: Locale) -> String {
        t(l, &format!("help-{}-words", self.slug))
    }
}

/// Lower case, Latin accents and Russian ё folded away, so "Résiliation" finds "resiliation".
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            'ё' => 'е',
            '’' => '\'',
            c => c,
        })
        .collect()
}

/// The articles that hold every word of `query` of three letters or more (each a part of a word
/// of the article's title, text or search words), those with more of it in the title first; every
/// article when the query has no word.
pub fn search(l: Locale, query: &str) -> Vec<Article> {
    let query = fold(query);
    let all_words: Vec<&str> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // Words of one or two letters ("is", "my", "d'") are skipped, unless there is nothing else
    // ("ID").
    let long: Vec<&str> = all_words
        .iter()
        .copied()
        .filter(|w| w.chars().count() > 2)
        .collect();
    let words = if long.is_empty() { all_words } else { long };
    if words.is_empty() {
        return ARTICLES.to_vec();
    }
    let mut found: Vec<(usize, usize, Article)> = ARTICLES
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let title = fold(&a.title(l));
            let all = format!("{title} {} {}", fold(&a.body(l)), fold(&a.words(l)));
            words.iter().all(|w| all.contains(w)).then(|| {
                let in_title = words.iter().filter(|w| title.contains(**w)).count();
                (in_title, i, *a)
            })
        })
        .collect();
    // More of the query in the title first; otherwise the page's order.
    found.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    found.into_iter().map(|(_, _, a)| a).collect()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn slugs(l: Locale, q: &str) -> Vec<&'static str> {
        search(l, q).into_iter().map(|a| a.slug).collect()
    }

    #[test]
    fn every_article_has_its_texts_in_every_language() {
        for l in [Locale::En, Locale::FrCa, Locale::Ru] {
            for a in ARTICLES {
                for text in [a.title(l), a.body(l), a.words(l)] {
                    assert!(
                        !text.is_empty() && !text.starts_with("help-"),
                        "{l:?} {}",
                        a.slug
                    );
                }
            }
        }
    }

    #[test]
    fn a_search_finds_the_articles_that_hold_every_word() {
        assert_eq!(slugs(Locale::En, "").len(), ARTICLES.len());
        assert_eq!(slugs(Locale::En, "  ?! ").len(), ARTICLES.len());
        assert_eq!(slugs(Locale::En, "VIN")[0], "vin");
        assert_eq!(slugs(Locale::En, "where is my vin")[0], "vin");
        assert_eq!(slugs(Locale::En, "customer id")[0], "customer-id");
        assert_eq!(slugs(Locale::En, "ID")[0], "customer-id");
        assert_eq!(slugs(Locale::En, "phishing"), ["security"]);
        assert!(slugs(Locale::En, "payoff").contains(&"payoff"));
        assert!(slugs(Locale::En, "zebra crossing").is_empty());
        // Accents and case do not matter; each language searches its own texts.
        assert_eq!(slugs(Locale::FrCa, "NUMERO D'IDENTIFICATION")[0], "vin");
        assert_eq!(slugs(Locale::FrCa, "hameçonnage"), ["security"]);
        assert_eq!(slugs(Locale::Ru, "Фишинг"), ["security"]);
        assert_eq!(slugs(Locale::Ru, "досрочное погашение")[0], "payoff");
    }

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Résiliation ÉTÉ"), "resiliation ete");
        assert_eq!(fold("Ёлка"), "елка");
    }
}
