package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * The stubbed Instagram (Instagram API with Instagram Login): the WireMock extension that the mappings in
 * fixtures/instagram/mappings name, handing each step to the part that plays it: the authorization window, the token
 * endpoints and Graph, Instagram's own settings pages, publishing. The pages in __files are rendered by WireMock's
 * templating with what those parts add as transformer parameters.
 */
public final class StubbedInstagram extends ProviderSteps {
  public static final String NAME = "instagram-oauth";

  private final InstagramAuthorization authorization;
  private final InstagramGraph graph;
  private final InstagramAccountPages accountPages;
  private final PublishingEndpoints publishing;

  public StubbedInstagram(InstagramPersonaBook personas) {
    super(NAME, "stubbed Instagram");
    GrantStore<InstagramGrant> grants = new GrantStore<>();
    this.accountPages = new InstagramAccountPages(personas);
    this.authorization = new InstagramAuthorization(apps, personas, accountPages, grants);
    this.graph = new InstagramGraph(apps, personas, grants);
    this.publishing = new PublishingEndpoints(graph::publisher);
  }

  @Override
  protected ResponseDefinition step(String step, Request request, ResponseDefinitionBuilder out, Parameters parameters) {
    ProviderRequest in = new ProviderRequest(request);
    return switch (step) {
      case "authorize" -> authorization.authorize(in, out);
      case "login" -> authorization.login(in, out);
      case "consent" -> authorization.consent(in, out);
      case "token" -> graph.token(in, out, String.valueOf(parameters.getOrDefault("shape", "data")));
      case "exchange" -> graph.exchange(in, out);
      case "me" -> graph.me(in, out);
      case "apps", "remove-app" -> accountPages.transform(step, in, out);
      case "media", "media-publish" -> publishing.transform(step, in, out);
      default -> null;
    };
  }
}
