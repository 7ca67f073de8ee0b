package org.calsync.it.ui.pages;

import org.openqa.selenium.By;

public final class LoginPage {

    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
        browser.open("login.xhtml");
    }

    public void signInAs(String email, String password) {
        browser.waitFor(By.id("loginForm:email")).sendKeys(email);
        browser.driver().findElement(By.id("loginForm:password")).sendKeys(password);
        browser.driver().findElement(By.id("loginForm:signIn")).click();
        browser.waitFor(By.id("navForm:signOut"));
    }
}
