package io.tagwarden.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.tagwarden.container.ContainerService;
import io.tagwarden.vendor.VendorCatalog;

import java.util.Map;

/** The landing page: what is here and where to start. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {

    private final ContainerService containers;
    private final VendorCatalog vendors;

    HomeController(ContainerService containers, VendorCatalog vendors) {
        this.containers = containers;
        this.vendors = vendors;
    }

    @Get
    @View("home")
    @Produces(MediaType.TEXT_HTML)
    Map<String, Object> home() {
        return Map.of("containers", containers.list(), "vendors", vendors.all().stream().map(v -> v.descriptor().name()).toList());
    }
}
