package io.github.deepcleermock.mock.cli;

/** Entry point of the standalone mock. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {}
}
