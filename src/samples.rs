//! The five real live-blog pages shipped inside the binary, so that `liveblog` with no
//! argument always has something to show.

/// (file name, text) of each bundled sample, RFI's timed live blog first.
pub const SAMPLES: [(&str, &str); 5] = [
    ("rfi-aide-militaire-ukraine.txt", include_str!("../assets/samples/rfi-aide-militaire-ukraine.txt")),
    (
        "franceinfo-kazakhstan-mobilisation.txt",
        include_str!("../assets/samples/franceinfo-kazakhstan-mobilisation.txt"),
    ),
    ("20minutes-kazakhstan-escalade.txt", include_str!("../assets/samples/20minutes-kazakhstan-escalade.txt")),
    ("euronews-russes-fuient-kazakhstan.txt", include_str!("../assets/samples/euronews-russes-fuient-kazakhstan.txt")),
    ("aljazeera-poutine-minsk.txt", include_str!("../assets/samples/aljazeera-poutine-minsk.txt")),
];

/// The path under which a bundled sample is shown.
pub fn sample_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new("assets/samples").join(name)
}
