package io.tagwarden.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;

/** The root: the containers page (which sends visitors who are not signed in to the login page). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class HomeController {

    @Get
    HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create("/containers"));
    }
}
