package io.github.deepcleermock.mock.dashboard;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard as a user sees it in the browser: tabs, tables, forms; waits for the page's own live updates. */
final class DashboardPage {

  /** Long enough for a few polling rounds on a busy 2-core machine; conditions are re-checked, never slept on. */
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final WebDriver driver;
  private final WebDriverWait wait;

  private DashboardPage(WebDriver driver) {
    this.driver = driver;
    // The page re-renders a table when its data changes, so an element found a moment ago may be gone: look again.
    this.wait = new WebDriverWait(driver, PATIENCE);
    this.wait.ignoring(StaleElementReferenceException.class);
  }

  static DashboardPage open(WebDriver driver, String baseUrl) {
    driver.get(baseUrl + DashboardRoutes.PATH + "/");
    return new DashboardPage(driver);
  }

  static DashboardPage of(WebDriver driver) {
    return new DashboardPage(driver);
  }

  DashboardPage tab(String name) {
    driver.findElement(By.cssSelector("#tabs button[data-tab='" + name + "']")).click();
    wait.until(d -> d.findElement(By.id("panel-" + name)).isDisplayed());
    return this;
  }

  /** The journal row of the first (newest) request with this requestId, once the page shows it. */
  WebElement requestRow(String requestId) {
    return wait.until(d -> rowsOf("requests-table").stream()
        .filter(row -> cellText(row, "c-requestId").equals(requestId))
        .findFirst().orElse(null));
  }

  List<WebElement> rowsOf(String tableId) {
    return driver.findElements(By.cssSelector("#" + tableId + " tbody tr.row, #" + tableId + " tbody tr[data-fault-id]"
        + ", #" + tableId + " tbody tr[data-scenario-id], #" + tableId + " tbody tr[data-access-key]"));
  }

  /** Waits until the table shows its empty message. */
  String waitUntilEmpty(String tableId) {
    return wait.until(d -> {
      List<WebElement> empty = d.findElements(By.cssSelector("#" + tableId + " tbody td.empty"));
      return empty.isEmpty() ? null : empty.get(0).getText();
    });
  }

  static String cellText(WebElement row, String cellClass) {
    return row.findElement(By.className(cellClass)).getText();
  }

  void type(String id, String text) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  /** Picks the option with this value in a select, as a user would (the page hears the change). */
  void select(String id, String value) {
    new Select(driver.findElement(By.id(id))).selectByValue(value);
  }

  /** The text of the element once it shows any, e.g. an error the page displays after the API answered. */
  String textOnceShown(String id) {
    return wait.until(d -> {
      WebElement element = d.findElement(By.id(id));
      return element.isDisplayed() && !element.getText().isEmpty() ? element.getText() : null;
    });
  }

  void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  void acceptConfirmation() {
    wait.until(ExpectedConditions.alertIsPresent()).accept();
  }

  <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  boolean tokenDialogOpen() {
    return driver.findElement(By.id("token-dialog")).isDisplayed();
  }
}
