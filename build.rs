//! Links the `due` executable as a position-independent executable whose relocations are
//! packed (`DT_RELR`): the loader reads a few kilobytes instead of a megabyte of relocation
//! records at every start, most of them pointers in the time zone tables.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu")
    {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
