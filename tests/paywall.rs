//! Subscription and paywall prompts are page furniture: the `paywall` rules of
//! `assets/boilerplate.rules` catch the common short forms in English, French, German,
//! Italian, Spanish, Portuguese and Dutch, and leave news lines that use the same words; on a
//! real page they go to `--explain` with their rule, never to the summary, title or entries.

use liveblog::load;
use liveblog::model::Story;
use liveblog::parse::Rules;
use std::process::Command;

const PAGE: &str = "tests/fixtures/pages/german-regional-liveticker";
const PROMPTS: [&str; 2] = ["Lesen Sie mehr mit RR+: Jetzt 4 Wochen gratis testen", "Jetzt testen"];

#[test]
fn paywall_prompts_in_seven_languages_are_furniture() {
    let rules = Rules::embedded();
    for line in [
        "Subscribe to read",
        "Subscribe to continue reading",
        "Already a subscriber? Sign in",
        "This article is for subscribers only.",
        "Start your free trial",
        "Jetzt testen",
        "Jetzt 4 Wochen gratis testen",
        "Lesen Sie mehr mit RR+: Jetzt 4 Wochen gratis testen",
        "Weiterlesen mit SZ Plus",
        "Bereits Abonnent? Hier anmelden",
        "Abonnez-vous pour lire la suite",
        "Déjà abonné ? Se connecter",
        "Cet article est réservé aux abonnés.",
        "Il vous reste 78% de cet article à lire.",
        "Abbonati ora",
        "Sei già abbonato? Accedi",
        "Contenuto riservato agli abbonati",
        "Suscríbete para seguir leyendo",
        "¿Ya eres suscriptor? Inicia sesión",
        "Contenido exclusivo para suscriptores",
        "Assine",
        "Já é assinante? Entre",
        "Conteúdo exclusivo para assinantes",
        "Word abonnee",
        "Ben je al abonnee? Log in",
        "Dit artikel is alleen voor abonnees.",
    ] {
        let rule = rules.matching(line).map(|r| r.name.as_str());
        assert!(matches!(rule, Some("paywall" | "newsletter")), "{line}: {rule:?}");
    }
    for news in [
        "Jetzt testen die Behörden das Trinkwasser",
        "Abbonati e tifosi in coda davanti allo stadio",
        "Subscribers to the power company lost service overnight",
        "Les abonnés de la SNCF seront remboursés",
        "Los suscriptores del canal podrán ver el partido",
        "Abonnees van de krant krijgen een brief",
        "Assinantes da operadora ficaram sem sinal",
    ] {
        assert!(rules.matching(news).is_none(), "{news}: {:?}", rules.matching(news).map(|r| &r.name));
    }
}

fn forms() -> Vec<Story> {
    let (files, errors) = load::expand(&[PAGE.into()]);
    // Its truth.json (a folder's JSON is read too) is the answer key, not a form of the page.
    let files: Vec<_> = files.into_iter().filter(|f| f.extension().is_none_or(|x| x != "json")).collect();
    assert!(errors.is_empty() && files.len() == 4, "{files:?}");
    files.iter().map(|f| load::parse_file(f, Rules::embedded()).unwrap()).collect()
}

#[test]
fn the_liveticker_summary_card_and_entries_hold_no_paywall_prompt() {
    for story in forms() {
        let name = story.path.display().to_string();
        let mut shown = vec![story.title.clone()];
        shown
            .extend(story.summary.iter().chain(&story.captions).chain(&story.links).map(|s| story.str(*s).to_string()));
        for i in 0..story.entries.len() {
            shown.push(liveblog::text_lines::edit_text(&story.entry(i)));
        }
        for text in &shown {
            for prompt in PROMPTS {
                assert!(!text.contains(prompt), "{name}: {prompt:?} in {text:?}");
            }
        }
        assert!(!story.summary.is_empty(), "{name}: the lead paragraph stays");
    }
}

#[test]
fn explain_lists_the_paywall_prompts_with_their_rule() {
    let out = Command::new(env!("CARGO_BIN_EXE_liveblog"))
        .args(["export", "--explain", PAGE])
        .env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = json["stories"].as_array().expect("stories");
    for form in ["copied.txt", "w3m.txt", "lynx.txt"] {
        let story = stories.iter().find(|s| s["path"].as_str().unwrap().ends_with(form)).expect(form);
        let dropped = story["dropped"].as_array().expect("dropped lines");
        for prompt in PROMPTS {
            let hit = dropped.iter().find(|d| d["text"].as_str().is_some_and(|t| t.trim() == prompt));
            assert_eq!(hit.and_then(|d| d["rule"].as_str()), Some("paywall"), "{form}: {prompt}\n{dropped:?}");
        }
    }
}
