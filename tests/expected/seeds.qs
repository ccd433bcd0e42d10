Q16	P463	Q1065	/* source: "Belgium–Canada relations", Wikipedia: "Belgium and Canada are member states of a variety of international organizations. They include: the United Nations, NATO, La Francophonie, the Organization for Security and Co-operation in Europe, and the Organisation for Economic Co-operation and Development." */
Q16	P463	Q7184	/* source: "Belgium–Canada relations", Wikipedia: "Both have a stance of multilateralism and are members of NATO and Francophonie." */
Q16	P530	Q31	/* source: "Canada - Belgium Relations", Government of Canada: "Canada - Belgium Relations" */
Q2145	P131	Q176	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Furthermore, the French Community also has a delegation in Quebec City, the capital of the province of Quebec, while the Brussels Region has opened an office in Vancouver, the port city on the Canadian West Coast." */
Q231	P17	Q31	/* source: "Belgium–Canada relations", Wikipedia: "Belgium's three regions (Wallonia, Flanders and Brussels) each have their own offices in the Montreal consulate." */
Q240	P17	Q31	/* source: "Belgium–Canada relations", Wikipedia: "Belgium's three regions (Wallonia, Flanders and Brussels) each have their own offices in the Montreal consulate." */
Q24639	P17	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
Q30	P530	Q31	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium and the US first established diplomatic relations in 1832 and the ties between the two countries have only strengthened ever since." */
Q31	P463	Q1065	/* source: "Belgium–Canada relations", Wikipedia: "Belgium and Canada are member states of a variety of international organizations. They include: the United Nations, NATO, La Francophonie, the Organization for Security and Co-operation in Europe, and the Organisation for Economic Co-operation and Development." */
Q31	P463	Q458	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Among EU countries, Belgium is one of Mexico’s most important trading partners." */
Q31	P463	Q7184	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium is a reliable NATO ally and cooperates with the US in the fight against terrorism and in other security issues." */
Q31	P530	Q16	/* source: "Canada - Belgium Relations", Government of Canada: "Canada - Belgium Relations" */
Q31	P530	Q30	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Belgium and the US first established diplomatic relations in 1832 and the ties between the two countries have only strengthened ever since." */
Q31	P530	Q96	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "The relationship with Mexico, which has 120 million inhabitants, dates back to the sixteenth century." */
Q96	P530	Q31	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "The relationship with Mexico, which has 120 million inhabitants, dates back to the sixteenth century." */
CREATE
LAST	Len	"Representation of Brussels-Capital in Montreal"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
LAST	P137	Q240	/* source: "Canada - Belgium Relations", Government of Canada: "The three Belgian regions (Walloon Region, Brussels-Capital Region and the Flanders Region) have separate economic and trade offices in Montreal, a new Brussels-Capital economic and trade office in Vancouver and a shared office in Toronto." */
LAST	P17	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P131	Q340	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
CREATE
LAST	Len	"Representation of Brussels-Capital in Toronto"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
LAST	P137	Q240	/* source: "Canada - Belgium Relations", Government of Canada: "The three Belgian regions (Walloon Region, Brussels-Capital Region and the Flanders Region) have separate economic and trade offices in Montreal, a new Brussels-Capital economic and trade office in Vancouver and a shared office in Toronto." */
LAST	P17	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P131	Q172	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
CREATE
LAST	Len	"Representation of Brussels-Capital in Vancouver"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Furthermore, the French Community also has a delegation in Quebec City, the capital of the province of Quebec, while the Brussels Region has opened an office in Vancouver, the port city on the Canadian West Coast." */
LAST	P137	Q240	/* source: "Canada - Belgium Relations", Government of Canada: "The three Belgian regions (Walloon Region, Brussels-Capital Region and the Flanders Region) have separate economic and trade offices in Montreal, a new Brussels-Capital economic and trade office in Vancouver and a shared office in Toronto." */
LAST	P17	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P131	Q24639	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Furthermore, the French Community also has a delegation in Quebec City, the capital of the province of Quebec, while the Brussels Region has opened an office in Vancouver, the port city on the Canadian West Coast." */
CREATE
LAST	Len	"Representation of Flanders in Montreal"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
LAST	P17	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P131	Q340	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
CREATE
LAST	Len	"Representation of Flanders in Toronto"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
LAST	P17	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P131	Q172	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
CREATE
LAST	Len	"Representation of French Community of Belgium in Quebec City"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Furthermore, the French Community also has a delegation in Quebec City, the capital of the province of Quebec, while the Brussels Region has opened an office in Vancouver, the port city on the Canadian West Coast." */
LAST	P17	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P131	Q2145	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Furthermore, the French Community also has a delegation in Quebec City, the capital of the province of Quebec, while the Brussels Region has opened an office in Vancouver, the port city on the Canadian West Coast." */
CREATE
LAST	Len	"Representation of Wallonia in Montreal"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
LAST	P137	Q231	/* source: "Belgium–Canada relations", Wikipedia: "Belgium's three regions (Wallonia, Flanders and Brussels) each have their own offices in the Montreal consulate." */
LAST	P17	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P131	Q340	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
CREATE
LAST	Len	"Representation of Wallonia in Quebec City"	/* source: "Canada - Belgium Relations", Government of Canada: "The Walloon Region and the French community of Belgium also have a delegation in Quebec City." */
LAST	P137	Q231	/* source: "Canada - Belgium Relations", Government of Canada */
LAST	P17	Q16	/* source: "Canada - Belgium Relations", Government of Canada */
LAST	P131	Q2145	/* source: "Canada - Belgium Relations", Government of Canada: "The Walloon Region and the French community of Belgium also have a delegation in Quebec City." */
CREATE
LAST	Len	"Representation of Wallonia in Toronto"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
LAST	P137	Q231	/* source: "Belgium–Canada relations", Wikipedia: "Wallonia also has a second office in the Toronto consulate, which also represents Flanders and Brussels." */
LAST	P17	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P131	Q172	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Economic and trade representatives from the three Regions are present in Montreal and in Toronto." */
CREATE
LAST	Len	"Consulate of Belgium in Montreal"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "16,000 Belgians are registered at the Belgian Consulate General in Montreal, which provides, among other things, consular services to our fellow Belgian citizens." */
LAST	P31	Q372690	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P137	Q31	/* source: "Canada - Belgium Relations", Government of Canada: "In Canada, Belgium is represented by its Embassy in Ottawa and a Consulate General in Montreal; it also has a network of honorary consuls." */
LAST	P17	Q16	/* source: "Canada - Belgium Relations", Government of Canada: "In Canada, Belgium is represented by its Embassy in Ottawa and a Consulate General in Montreal; it also has a network of honorary consuls." */
LAST	P131	Q340	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "16,000 Belgians are registered at the Belgian Consulate General in Montreal, which provides, among other things, consular services to our fellow Belgian citizens." */
CREATE
LAST	Len	"Consulate of Belgium in Toronto"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P31	Q7843791	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P137	Q31	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P17	Q16	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P131	Q172	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P576	+2014-00-00T00:00:00Z/9	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
CREATE
LAST	Len	"Consulate of Belgium in Atlanta"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Today, approximately 25,000 Belgians are living in the US, either on a permanent or temporary basis, and are registered with the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York." */
LAST	P31	Q372690	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P137	Q31	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P17	Q30	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Today, approximately 25,000 Belgians are living in the US, either on a permanent or temporary basis, and are registered with the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York." */
LAST	P131	Q23556	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Today, approximately 25,000 Belgians are living in the US, either on a permanent or temporary basis, and are registered with the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York." */
CREATE
LAST	Len	"Consulate of Belgium in Los Angeles"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Today, approximately 25,000 Belgians are living in the US, either on a permanent or temporary basis, and are registered with the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York." */
LAST	P31	Q372690	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P137	Q31	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P17	Q30	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Today, approximately 25,000 Belgians are living in the US, either on a permanent or temporary basis, and are registered with the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York." */
LAST	P131	Q65	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Today, approximately 25,000 Belgians are living in the US, either on a permanent or temporary basis, and are registered with the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York." */
CREATE
LAST	Len	"Consulate of Belgium in New York City"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Today, approximately 25,000 Belgians are living in the US, either on a permanent or temporary basis, and are registered with the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York." */
LAST	P31	Q372690	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P137	Q31	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P17	Q30	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Today, approximately 25,000 Belgians are living in the US, either on a permanent or temporary basis, and are registered with the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York." */
LAST	P131	Q60	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
CREATE
LAST	Len	"Embassy of Belgium in Canada"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels, while Belgium has one in Ottawa." */
LAST	P31	Q3917681	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels, while Belgium has one in Ottawa." */
LAST	P137	Q31	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels, while Belgium has one in Ottawa." */
LAST	P17	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels, while Belgium has one in Ottawa." */
LAST	P131	Q1930	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels, while Belgium has one in Ottawa." */
CREATE
LAST	Len	"Embassy of Belgium in United States"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Today, approximately 25,000 Belgians are living in the US, either on a permanent or temporary basis, and are registered with the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York." */
LAST	P31	Q3917681	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P137	Q31	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P17	Q30	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Today, approximately 25,000 Belgians are living in the US, either on a permanent or temporary basis, and are registered with the Belgian Embassy in Washington or the Consulates General in Atlanta, Los Angeles and New York." */
LAST	P131	Q61	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
CREATE
LAST	Len	"Honorary Consulate of Belgium in Edmonton"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P31	Q23891529	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P137	Q31	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P17	Q16	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
CREATE
LAST	Len	"Honorary Consulate of Belgium in Halifax"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P31	Q23891529	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P137	Q31	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P17	Q16	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
CREATE
LAST	Len	"Honorary Consulate of Belgium in Vancouver"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P31	Q23891529	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P137	Q31	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P17	Q16	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P131	Q24639	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
CREATE
LAST	Len	"Honorary Consulate of Belgium in Winnipeg"	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P31	Q23891529	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P137	Q31	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
LAST	P17	Q16	/* source: "Belgium–Canada relations", Wikipedia: "Belgium has an embassy in Ottawa, one consulate (in Montreal, the consulate in Toronto was closed in 2014), and four honorary consulates (in Edmonton, Halifax, Vancouver and Winnipeg) located in Canada." */
CREATE
LAST	Len	"Part-time Consulate of Belgium in Halifax"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City and Halifax." */
LAST	P31	Q7843791	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P137	Q31	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P17	Q16	/* source: "Belgium–Canada relations", Wikipedia */
CREATE
LAST	Len	"Part-time Consulate of Belgium in Montreal"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City and Halifax." */
LAST	P31	Q7843791	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P137	Q31	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P17	Q16	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P131	Q340	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City and Halifax." */
CREATE
LAST	Len	"Part-time Consulate of Belgium in Quebec City"	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City and Halifax." */
LAST	P31	Q7843791	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P137	Q31	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P17	Q16	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P131	Q2145	/* source: "Belgium–Canada relations", Wikipedia: "A few Belgians came to New France before 1759. In the mid-19th century there were enough arrivals to open part-time consulates in Montreal, Quebec City and Halifax." */
CREATE
LAST	Len	"Representation of Quebec in Brussels"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "The province of Quebec also has a representation in Brussels." */
LAST	P137	Q176	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "The province of Quebec also has a representation in Brussels." */
LAST	P17	Q31	/* source: "North America", Belgian Federal Public Service Foreign Affairs */
LAST	P131	Q239	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "The province of Quebec also has a representation in Brussels." */
CREATE
LAST	Len	"Consulate of Canada in Antwerp"	/* source: "Belgium–Canada relations", Wikipedia: "Canada also has a consulate in Antwerp, and Quebec maintains its own separate delegation in Brussels." */
LAST	P31	Q7843791	/* source: "Belgium–Canada relations", Wikipedia: "Canada also has a consulate in Antwerp, and Quebec maintains its own separate delegation in Brussels." */
LAST	P137	Q16	/* source: "Belgium–Canada relations", Wikipedia: "Canada also has a consulate in Antwerp, and Quebec maintains its own separate delegation in Brussels." */
LAST	P17	Q31	/* source: "Belgium–Canada relations", Wikipedia */
LAST	P131	Q12892	/* source: "Belgium–Canada relations", Wikipedia: "Canada also has a consulate in Antwerp, and Quebec maintains its own separate delegation in Brussels." */
CREATE
LAST	Len	"Embassy of Canada in Belgium"	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels, while Belgium has one in Ottawa." */
LAST	P31	Q3917681	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels, while Belgium has one in Ottawa." */
LAST	P137	Q16	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels, while Belgium has one in Ottawa." */
LAST	P17	Q31	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels, while Belgium has one in Ottawa." */
LAST	P131	Q239	/* source: "North America", Belgian Federal Public Service Foreign Affairs: "Canada has an embassy in Brussels, while Belgium has one in Ottawa." */
CREATE
LAST	Len	"Permanent Mission of Canada to the European Union"	/* source: "Canada - Belgium Relations", Government of Canada: "The Government of Canada maintains three diplomatic missions in Belgium: the Embassy of Canada to the Kingdom of Belgium and the Grand-Duchy of Luxembourg, the Mission of Canada to the European Union, and the Joint Delegation of Canada to NATO." */
LAST	P137	Q16	/* source: "Canada - Belgium Relations", Government of Canada: "The Government of Canada maintains three diplomatic missions in Belgium: the Embassy of Canada to the Kingdom of Belgium and the Grand-Duchy of Luxembourg, the Mission of Canada to the European Union, and the Joint Delegation of Canada to NATO." */
LAST	P17	Q31	/* source: "Belgium–Canada relations", Wikipedia: "The Canadian delegations to the European Union and the North Atlantic Treaty Organization are located in Belgium, as Belgium houses the headquarters of each." */
CREATE
LAST	Len	"Permanent Mission of Canada to the North Atlantic Treaty Organization"	/* source: "Canada - Belgium Relations", Government of Canada: "The Government of Canada maintains three diplomatic missions in Belgium: the Embassy of Canada to the Kingdom of Belgium and the Grand-Duchy of Luxembourg, the Mission of Canada to the European Union, and the Joint Delegation of Canada to NATO." */
LAST	P137	Q16	/* source: "Canada - Belgium Relations", Government of Canada: "The Government of Canada maintains three diplomatic missions in Belgium: the Embassy of Canada to the Kingdom of Belgium and the Grand-Duchy of Luxembourg, the Mission of Canada to the European Union, and the Joint Delegation of Canada to NATO." */
LAST	P17	Q31	/* source: "Belgium–Canada relations", Wikipedia: "The Canadian delegations to the European Union and the North Atlantic Treaty Organization are located in Belgium, as Belgium houses the headquarters of each." */
