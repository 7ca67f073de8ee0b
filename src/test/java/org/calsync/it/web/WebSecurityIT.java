package org.calsync.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.calsync.it.support.Api;
import org.calsync.it.support.Browserless;
import org.calsync.it.support.SessionEditorForm;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.testsupport.FixtureDates;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in, role checks, CSRF, escaping and tenant isolation on the JSF pages, over HTTP like a browser
 * with cookies. The full browser story lives in the ui package.
 */
@ExtendWith(ArquillianExtension.class)
class WebSecurityIT {

    private static final String PASSWORD = "calsync-demo";
    private static final String ADMIN = "admin@northwind.example";
    private static final String LEARNER = "noah.williams@northwind.example";
    private static final String INSTRUCTOR = "amira.haddad@northwind.example";
    private static final String RIVERSIDE_ADMIN = "admin@riverside.example";
    /** The day the forms' sessions are on, a week from today, and a range of the API's session list around it. */
    private static final LocalDate DAY = FixtureDates.fromToday().workdayAhead(7);
    private static final String AROUND_DAY = "from=" + DAY.minusDays(1) + "&to=" + DAY.plusDays(1);

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    private Api northwindApi() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    @Test
    void protectedPagesAskForSignInAndSendEachPersonHome() {
        Browserless anonymous = new Browserless(url);
        Browserless.Page console = anonymous.get("admin/sessions.xhtml");
        assertEquals(302, console.status());
        assertTrue(console.location().endsWith("/login.xhtml"), console.location());
        assertEquals(302, anonymous.get("portal/index.xhtml").status());
        Browserless.Page backWhereSheWas = anonymous.signIn(ADMIN, PASSWORD);
        assertTrue(backWhereSheWas.location().endsWith("/portal/index.xhtml"),
                "after signing in, the page that asked for it: " + backWhereSheWas.location());

        Browserless admin = new Browserless(url);
        Browserless.Page signedIn = admin.signIn(ADMIN, PASSWORD);
        assertEquals(302, signedIn.status());
        Browserless.Page home = admin.get("index.xhtml");
        assertTrue(home.location().endsWith("/admin/sessions.xhtml"), home.location());
        Browserless.Page sessions = admin.get("admin/sessions.xhtml");
        assertEquals(200, sessions.status());
        assertTrue(sessions.contains("Excel for Finance Teams"));
        assertTrue(sessions.contains("Northwind Training"), "the tenant is named in the header");

        Browserless learner = new Browserless(url);
        learner.signIn(LEARNER, PASSWORD);
        assertTrue(learner.get("index.xhtml").location().endsWith("/portal/index.xhtml"));
        assertEquals(200, learner.get("portal/index.xhtml").status());
    }

    @Test
    void aWrongPasswordIsRefusedWithAPlainMessage() {
        Browserless stranger = new Browserless(url);
        Browserless.Page refused = stranger.signIn(ADMIN, "not-the-password");
        assertEquals(200, refused.status());
        assertTrue(refused.contains("The email or password is not right."), refused.html());
        assertEquals(302, stranger.get("admin/sessions.xhtml").status(), "still signed out");
        assertTrue(new Browserless(url).signIn("nobody@nowhere.example", PASSWORD).contains("not right"));
    }

    @Test
    void theConsoleNeedsTheAdministerPermission() {
        for (String person : new String[] {LEARNER, INSTRUCTOR}) {
            Browserless browser = new Browserless(url);
            browser.signIn(person, PASSWORD);
            for (String page : new String[] {"admin/sessions.xhtml", "admin/people.xhtml", "admin/roles.xhtml",
                    "admin/settings.xhtml", "admin/session.xhtml", "admin/calendars.xhtml", "admin/assistant.xhtml",
                    "admin/person-sync.xhtml", "admin/person.xhtml"}) {
                Browserless.Page answer = browser.get(page);
                assertEquals(403, answer.status(), person + " on " + page);
                assertTrue(answer.contains("Not allowed"));
            }
        }
    }

    @Test
    void theInstructorSeesOwnSessionsInThePortal() {
        Browserless instructor = new Browserless(url);
        instructor.signIn(INSTRUCTOR, PASSWORD);
        Browserless.Page portal = instructor.get("portal/index.xhtml");
        assertTrue(portal.contains("My calendar"));
        assertTrue(portal.contains("Teaching"), "Amira teaches demo sessions");
        assertTrue(portal.contains("Europe/London"), "times are in her zone");
    }

    @Test
    void aFormPostedWithoutItsViewStateChangesNothing() {
        Browserless admin = new Browserless(url);
        admin.signIn(ADMIN, PASSWORD);
        String title = "Forged " + UUID.randomUUID();
        Map<String, String> forged = SessionEditorForm.filled(title, DAY.atTime(9, 0), DAY.atTime(10, 0));
        forged.put("jakarta.faces.ViewState", "1234567890:-987654321");
        Browserless.Page answer = admin.post("admin/session.xhtml", forged);
        assertEquals(302, answer.status(), answer.html());
        assertTrue(answer.location().endsWith("/error/expired.xhtml"), answer.location());
        assertTrue(admin.get("error/expired.xhtml").contains("This page has expired"));
        forged.remove("jakarta.faces.ViewState");
        admin.post("admin/session.xhtml", forged);
        assertFalse(northwindApi().get("sessions?" + AROUND_DAY).body().contains(title));
    }

    @Test
    void invalidFieldsShowMessagesBesideThemAndAValidFormCreatesTheSession() {
        Browserless admin = new Browserless(url);
        admin.signIn(ADMIN, PASSWORD);
        String title = "Negotiation " + UUID.randomUUID();

        Browserless.Page form = admin.get("admin/session.xhtml");
        Map<String, String> invalid = SessionEditorForm.filled(title, DAY.atTime(10, 0), DAY.atTime(9, 0));
        invalid.put("jakarta.faces.ViewState", form.viewState());
        Browserless.Page rejected = admin.post("admin/session.xhtml", invalid);
        assertEquals(200, rejected.status());
        String endField = rejected.html().substring(rejected.html().indexOf("id=\"sessionForm:end\""));
        assertTrue(endField.substring(0, endField.indexOf("cs-field")).contains("End must be after start."),
                "the message stands beside the End field");
        assertFalse(northwindApi().get("sessions?" + AROUND_DAY).body().contains(title));

        Map<String, String> valid = SessionEditorForm.filled(title, DAY.atTime(9, 0), DAY.atTime(10, 30));
        valid.put("jakarta.faces.ViewState", rejected.viewState());
        Browserless.Page created = admin.post("admin/session.xhtml", valid);
        assertEquals(302, created.status(), created.html());
        assertTrue(created.location().contains("/admin/session.xhtml?id="), created.location());
        assertTrue(northwindApi().get("sessions?" + AROUND_DAY).body().contains(title));
    }

    @Test
    void anotherTenantsSessionIsNotFoundAndTitlesAreEscaped() {
        String title = "<script>alert('x')</script> Secret " + UUID.randomUUID();
        String id = northwindApi().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London"}
                """.formatted(title.replace("'", "\\u0027"), FixtureDates.api(DAY.atTime(9, 0)), FixtureDates.api(DAY.atTime(10, 0))))
                .object().getString("id");

        Browserless riverside = new Browserless(url);
        riverside.signIn(RIVERSIDE_ADMIN, PASSWORD);
        Browserless.Page foreign = riverside.get("admin/session.xhtml?id=" + id);
        assertEquals(200, foreign.status());
        assertTrue(foreign.contains("Session not found"));
        assertFalse(foreign.contains("Secret"), "nothing of the other tenant's session leaks");
        assertFalse(riverside.get("admin/people.xhtml").contains("@northwind.example"));

        Browserless northwind = new Browserless(url);
        northwind.signIn(ADMIN, PASSWORD);
        Browserless.Page list = northwind.get("admin/session.xhtml?id=" + id);
        assertTrue(list.contains("&lt;script&gt;alert("), "the title is escaped");
        assertFalse(list.contains("<script>alert('x')"), "and never written as markup");
    }

    @Test
    void everyConsolePageShowsOnlyTheSignedInAdminsTenant() {
        String amira = northwindApi().get("people").array().stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("email").equals(INSTRUCTOR)).findFirst().orElseThrow().getString("id");
        Browserless riverside = new Browserless(url);
        riverside.signIn(RIVERSIDE_ADMIN, PASSWORD);
        for (String page : new String[] {"admin/sessions.xhtml", "admin/people.xhtml", "admin/roles.xhtml",
                "admin/calendars.xhtml", "admin/settings.xhtml", "admin/assistant.xhtml", "portal/index.xhtml",
                "portal/calendars.xhtml", "admin/person-sync.xhtml?id=" + amira, "admin/person.xhtml?id=" + amira}) {
            Browserless.Page answer = riverside.get(page);
            assertEquals(200, answer.status(), page);
            assertFalse(answer.contains("northwind.example") || answer.contains("Amira"), "nothing of Northwind on " + page);
        }
        assertTrue(riverside.get("admin/person-sync.xhtml?id=" + amira).contains("Person not found"));
    }

    @Test
    void signingOutEndsTheSession() {
        Browserless admin = new Browserless(url);
        admin.signIn(ADMIN, PASSWORD);
        Browserless.Page sessions = admin.get("admin/sessions.xhtml");
        Map<String, String> signOut = new LinkedHashMap<>();
        signOut.put("navForm", "navForm");
        signOut.put("navForm:signOut", "");
        signOut.put("jakarta.faces.ViewState", sessions.viewState());
        Browserless.Page out = admin.post("admin/sessions.xhtml", signOut);
        assertTrue(out.location().contains("/login.xhtml?signedOut=true"), out.status() + " " + out.location());
        assertEquals(302, admin.get("admin/sessions.xhtml").status());
    }
}
