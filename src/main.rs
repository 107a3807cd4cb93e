//! Entry point: mounts the app. Everything else lives in the library.

fn main() {
    hr_readiness::start();
}
