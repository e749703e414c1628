package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * What both stubbed providers share: the apps registered with them, and the dispatch from a mapping's
 * {@code transformerParameters.step} to the provider's code for that step (mappings name the step, Java keeps state).
 */
abstract class ProviderSteps implements ResponseDefinitionTransformerV2 {
  /** Apps registered with this provider. */
  protected final RegisteredApps apps = new RegisteredApps();
  private final String name;
  private final String provider;

  ProviderSteps(String name, String provider) {
    this.name = name;
    this.provider = provider;
  }

  public void register(RegisteredApp app) {
    apps.register(app);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public final ResponseDefinition transform(ServeEvent event) {
    ResponseDefinition def = event.getResponseDefinition();
    String step = String.valueOf(def.getTransformerParameters().getOrDefault("step", ""));
    ResponseDefinition answer = step(step, event.getRequest(), ResponseDefinitionBuilder.like(def).but(), def.getTransformerParameters());
    return answer != null ? answer : ResponseDefinitionBuilder.like(def).but().withStatus(500)
        .withBody("unknown step '" + step + "' in a " + provider + " mapping").build();
  }

  /** The answer for one step, or null when this provider has no such step. */
  protected abstract ResponseDefinition step(String step, Request request, ResponseDefinitionBuilder out, Parameters parameters);
}
