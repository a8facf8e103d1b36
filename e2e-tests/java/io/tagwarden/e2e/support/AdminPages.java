package io.tagwarden.e2e.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;

/** Driving the admin app in the browser: sign in, fill fields, and click or submit with a wait for the next page. */
public final class AdminPages {

    private final WebDriver driver;
    private final URI base;

    public AdminPages(WebDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /** Signs in with the test password convention of TestApi.createUser. */
    public void signIn(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        type("username", username);
        type("password", "password-of-" + username);
        submit();
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    public String text(By what) {
        return driver.findElement(what).getText();
    }

    /** Clicks the first submit button of the page's main form. */
    public void submit() {
        click(By.cssSelector("main form button[type=submit]"));
    }

    /** Clicks something that loads a new page, and waits until the old one is gone. */
    public void click(By what) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(what).click();
        waitUntilGone(page);
    }

    /** Waits until an element of the previous page is gone (Chrome reports that as stale or as a detached node). */
    public void waitUntilGone(WebElement page) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                page.getTagName();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }
}
