fn main() {
    afterword::start();
}
