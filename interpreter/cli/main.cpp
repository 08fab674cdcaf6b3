// placeholder: replaced by the command line
int main() { return 0; }
