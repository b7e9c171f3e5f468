// The reference page of both specs, as the mock serves them. Everything loads from the mock itself (offline).
// "Try it out" is off: the vendor spec's servers are the vendor's production hosts, which a test double's
// reference page must never call; validatorUrl null keeps Swagger UI from sending the spec to an online validator.
window.ui = SwaggerUIBundle({
  urls: [
    { url: "../openapi.yaml", name: "Vendor API (openapi.yaml)" },
    { url: "../admin-openapi.yaml", name: "Control plane (admin-openapi.yaml)" }
  ],
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout",
  deepLinking: true,
  validatorUrl: null,
  supportedSubmitMethods: []
});
