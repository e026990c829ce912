fn main() {
    dossier::run();
}
